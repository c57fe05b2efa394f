// A small inventory with known figures, shared by the report and reclaim tests.
import { loadInventory } from '../../src/inventory/load.ts';
import { memorySource } from '../../src/inventory/memory-source.ts';
import type { Inventory } from '../../src/inventory/model.ts';
import { files } from '../support/inventory.ts';

export const PEOPLE = `people:
  - { id: ada, name: Ada Lovelace, email: ada@test.example, department: eng, status: active, start: 2020-01-01, github: ada-l }
  - { id: bob, name: Bob Byte, email: bob@test.example, department: sales, status: active, start: 2021-06-01, github: bob-b }
  - { id: cy, name: Cy Leaver, email: cy@test.example, department: eng, status: leaver, start: 2019-01-01, end: 2026-01-31 }
  - { id: dee, name: Dee Idle, email: dee@test.example, department: eng, cost_centre: CC-999, status: active, start: 2022-01-01, github: dee-i }
  - { id: eve, name: Eve Free, email: eve@test.example, status: active, start: 2023-01-01 }
`;

export const FIGMA_LICENSE = `id: figma
name: Figma
vendor: figma
type: subscription
owner: ada
tiers:
  - { id: full, name: Full seat, rank: 2, rightsize: { to: viewer, when_signals_at_most: { edits_90d: 0 } } }
  - { id: viewer, name: Viewer, rank: 1 }
`;

export const FIGMA_CONTRACT = `id: figma-2026
vendor: figma
owner: ada
currency: USD
start: 2026-01-01
end: 2026-12-31
lines:
  - { license: figma, tier: full, quantity: 4, unit_price: "540.00" }
  - { license: figma, tier: viewer, quantity: unlimited, unit_price: "0" }
`;

export const FIGMA_SEATS = `license: figma
seats:
  - { person: ada, tier: full, since: 2026-01-05 }
  - { person: cy, tier: full, since: 2025-01-05 }
  - { person: dee, tier: full, since: 2025-06-01 }
  - { person: bob, tier: viewer, since: 2026-01-05 }
`;

export const FIGMA_USAGE = `license: figma
source: csv
taken: 2026-03-09T06:00:00Z
accounts:
  - { account: ada@test.example, person: ada, tier: full, status: active, last_active: 2026-03-08, signals: { edits_90d: 12 } }
  - { account: bob@test.example, person: bob, tier: viewer, status: active, last_active: 2026-03-01 }
  - { account: cy@test.example, person: cy, tier: full, status: active, last_active: 2026-01-30 }
  - { account: dee@test.example, person: dee, tier: full, status: active, last_active: 2025-12-01 }
`;

export const SLACK = {
  'inventory/vendors/slack.yaml': 'id: slack\nname: Slack\n',
  'inventory/licenses/slack.yaml': 'id: slack\nname: Slack\nvendor: slack\ntype: subscription\ntiers:\n  - { id: standard, name: Pro }\n',
  'inventory/contracts/slack-2026.yaml': 'id: slack-2026\nvendor: slack\ncurrency: EUR\nstart: 2026-01-01\nend: 2026-12-31\nlines:\n  - { license: slack, tier: standard, quantity: 3, unit_price: "10.00", price_period: month }\n',
  'inventory/assignments/slack.yaml': 'license: slack\nseats:\n  - { person: ada, tier: standard, since: 2024-01-01 }\n  - { person: bob, tier: standard, since: 2024-01-01 }\n  - { person: eve, tier: standard, since: 2024-01-01 }\n',
};

export const TODAY = '2026-03-10';

export function modelFiles(overrides: Record<string, string | null> = {}): Record<string, string> {
  return files({
    'inventory/people.yaml': PEOPLE,
    'inventory/licenses/figma.yaml': FIGMA_LICENSE,
    'inventory/contracts/figma-2026.yaml': FIGMA_CONTRACT,
    'inventory/assignments/figma.yaml': FIGMA_SEATS,
    'inventory/usage/figma.yaml': FIGMA_USAGE,
    ...SLACK,
    ...overrides,
  });
}

export async function model(overrides: Record<string, string | null> = {}): Promise<Inventory> {
  const { inventory, findings } = await loadInventory(memorySource(modelFiles(overrides)));
  if (findings.length) throw new Error(findings.map((f) => `${f.file}:${f.line} ${f.message}`).join('\n'));
  return inventory;
}
