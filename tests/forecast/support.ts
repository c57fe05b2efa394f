// A small organization for the forecast tests: one tool billed per month, one per year, people with known start and end dates.
import { loadInventory } from '../../src/inventory/load.ts';
import { memorySource } from '../../src/inventory/memory-source.ts';
import type { Inventory } from '../../src/inventory/model.ts';

export const ORG = `name: Forecast Co
currency: EUR
timezone: UTC
departments:
  - { id: eng, name: Engineering }
policies:
  renewal: { headroom_percent: 0 }
`;

export const PEOPLE = `people:
  - { id: ada, name: Ada, email: ada@f.example, department: eng, status: active, start: 2020-01-01 }
  - { id: bob, name: Bob, email: bob@f.example, department: eng, status: active, start: 2020-01-01, end: 2027-02-15 }
  - { id: cy, name: Cy, email: cy@f.example, department: eng, status: active, start: 2027-03-01 }
`;

const license = (id: string) => `id: ${id}\nname: ${id.toUpperCase()}\nvendor: acme\ntype: subscription\ntiers:\n  - { id: std, name: Standard }\n`;

/** 12 seats × 10.00 a month; the term ends 2027-03-31 (the fourth forecast month from 2026-12-15 renews), 5% escalator. */
export const MONTHLY = `id: tool-2026
vendor: acme
currency: EUR
start: 2026-04-01
end: 2027-03-31
auto_renew: true
escalator: { percent: 5 }
lines:
  - { license: tool, tier: std, quantity: 12, unit_price: "10.00", price_period: month }
`;

/** 1 seat × 100.00 a month until 2027-02-28, and the renewal decision is cancel. */
export const CANCELLED = `id: old-2026
vendor: acme
currency: EUR
start: 2026-03-01
end: 2027-02-28
auto_renew: true
renewal: { decision: cancel }
lines:
  - { license: old, tier: std, quantity: 1, unit_price: "100.00", price_period: month }
`;

/** 2 seats × 120.00 a year, renewing 2027-07-01; ada and bob (who leaves 2027-02-15) hold them. */
export const YEARLY = `id: cad-2026
vendor: acme
currency: EUR
start: 2026-07-01
end: 2027-06-30
auto_renew: true
lines:
  - { license: cad, tier: std, quantity: 2, unit_price: "120.00" }
`;

export function orgFiles(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'inventory/org.yaml': ORG,
    'inventory/people.yaml': PEOPLE,
    'inventory/vendors/acme.yaml': 'id: acme\nname: Acme\n',
    'inventory/licenses/tool.yaml': license('tool'),
    'inventory/licenses/old.yaml': license('old'),
    'inventory/licenses/cad.yaml': license('cad'),
    'inventory/contracts/tool-2026.yaml': MONTHLY,
    'inventory/contracts/old-2026.yaml': CANCELLED,
    'inventory/contracts/cad-2026.yaml': YEARLY,
    'inventory/assignments/cad.yaml': 'license: cad\nseats:\n  - { person: ada, tier: std, since: 2026-07-01 }\n  - { person: bob, tier: std, since: 2026-07-01 }\n',
    ...extra,
  };
}

/** The organization loaded; fails on any file problem, so a test never runs on a half-read model. */
export async function orgModel(extra: Record<string, string> = {}): Promise<Inventory> {
  const { inventory, findings } = await loadInventory(memorySource(orgFiles(extra)));
  if (findings.length) throw new Error(findings.map((f) => `${f.file}: ${f.message}`).join('\n'));
  return inventory;
}
