// Builds small inventories from YAML text for tests, loaded through the real loader.
import { check, runRules } from '../../src/check/run.ts';
import type { Finding } from '../../src/findings/finding.ts';
import { loadInventory } from '../../src/inventory/load.ts';
import { memorySource } from '../../src/inventory/memory-source.ts';

export const ORG = `name: Test Co
currency: EUR
timezone: Europe/Berlin
exchange_rates: { USD: "0.90" }
departments:
  - { id: eng, name: Engineering, cost_centre: CC-100 }
  - { id: sales, name: Sales, cost_centre: CC-200 }
`;

export const PEOPLE = `people:
  - { id: ada, name: Ada Lovelace, email: ada@test.example, department: eng, status: active, start: 2020-01-01, github: ada-l }
  - { id: bob, name: Bob Byte, email: bob@test.example, department: sales, status: active, start: 2021-06-01 }
  - { id: cy, name: Cy Leaver, email: cy@test.example, department: eng, status: leaver, start: 2019-01-01, end: 2026-01-31 }
`;

export const VENDOR = `id: figma\nname: Figma, Inc.\n`;

export const LICENSE = `id: figma
name: Figma
vendor: figma
type: subscription
owner: ada
tiers:
  - { id: full, name: Full seat }
  - { id: viewer, name: Viewer }
`;

export const CONTRACT = `id: figma-2026
vendor: figma
owner: ada
currency: USD
start: 2026-01-01
end: 2026-12-31
auto_renew: true
notice: { days: 30 }
renewal: { decision: undecided }
lines:
  - { license: figma, tier: full, quantity: 2, unit_price: "540.00" }
  - { license: figma, tier: viewer, quantity: unlimited, unit_price: "0" }
`;

export const SEATS = `license: figma
seats:
  - { person: ada, tier: full, since: 2026-01-05 }
  - { person: bob, tier: viewer, since: 2026-01-05 }
`;

/** A small valid inventory; override or add files by path (null removes one). */
export function files(overrides: Record<string, string | null> = {}): Record<string, string> {
  const base: Record<string, string | null> = {
    'inventory/org.yaml': ORG,
    'inventory/people.yaml': PEOPLE,
    'inventory/vendors/figma.yaml': VENDOR,
    'inventory/licenses/figma.yaml': LICENSE,
    'inventory/contracts/figma-2026.yaml': CONTRACT,
    'inventory/assignments/figma.yaml': SEATS,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(base).filter((e): e is [string, string] => e[1] !== null));
}

/** Loads files and runs `check` as of a date. */
export async function checkFiles(fileMap: Record<string, string>, today = '2026-03-10'): Promise<Finding[]> {
  return (await check(memorySource(fileMap), { today })).findings;
}

/** Findings of one rule only, as `file:line:col message` strings (easy exact assertions). */
export async function ruleFindings(rule: string, fileMap: Record<string, string>, today = '2026-03-10'): Promise<string[]> {
  const { inventory } = await loadInventory(memorySource(fileMap));
  return runRules(inventory, today)
    .filter((f) => f.rule === rule)
    .map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`);
}
