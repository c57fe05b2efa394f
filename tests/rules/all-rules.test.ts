// Every rule at once over an inventory with one of each problem: each rule fires, and every
// finding says what to do.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/check/run.ts';
import { SEVERITIES } from '../../src/findings/finding.ts';
import { loadInventory } from '../../src/inventory/load.ts';
import { memorySource } from '../../src/inventory/memory-source.ts';
import { RULES } from '../../src/rules/index.ts';
import { USAGE_RULES } from '../../src/rules/usage/index.ts';
import { CONTRACT, LICENSE, ORG, files } from '../support/inventory.ts';

// Rules that read usage snapshots live in src/rules/usage/ and are tested in tests/usage-rules/.
const usageIds = new Set(USAGE_RULES.map((r) => r.id));
const INVENTORY_RULES = RULES.filter((r) => !usageIds.has(r.id));

const seats = (license: string, ...lines: string[]) => `license: ${license}\nseats:\n${lines.map((l) => `  - ${l}\n`).join('')}`;

const MESSY = files({
  'inventory/people.yaml': `people:
  - { id: ada, name: Ada Lovelace, email: ada@test.example, department: eng, status: active, start: 2020-01-01 }
  - { id: bob, name: Bob Byte, email: bob@test.example, department: sales, status: active, start: 2021-06-01, end: 2026-03-09 }
  - { id: cy, name: Cy Leaver, email: cy@test.example, department: eng, status: leaver, start: 2019-01-01, end: 2026-01-31 }
  - { id: dee, name: Dee Gone, email: dee@test.example, status: leaver }
`,
  'inventory/licenses/figma.yaml': LICENSE.replace('owner: ada', 'owner: cy'),
  'inventory/assignments/figma.yaml': seats(
    'figma',
    '{ person: ada, tier: full, since: 2026-01-05 }',
    '{ person: ada, tier: viewer, since: 2026-01-05 }',
    '{ tier: full, since: 2026-01-05 }',
    '{ person: cy, tier: full, since: 2026-02-01 }',
    '{ person: zed, tier: viewer, since: 2026-01-05 }',
    '{ person: bob, tier: veiwer, since: 2026-01-05 }',
  ),
  'inventory/contracts/figma-extra.yaml': CONTRACT.replace('id: figma-2026', 'id: figma-extra').replace('end: 2026-12-31', 'end: 2027-01-31').replace('auto_renew: true', 'auto_renew: false').replace('quantity: 2', 'quantity: 0'),
  'inventory/licenses/sketch.yaml': 'id: sketch\nname: Sketch\nvendor: figma\ntype: subscription\nowner: ada\nretired: 2026-06-01\ntiers:\n  - { id: full, name: Full }\n',
  'inventory/assignments/sketch.yaml': seats('sketch', '{ person: ada, tier: full, since: 2025-01-05 }'),
  'inventory/licenses/acad.yaml': 'id: acad\nname: AutoCAD\nvendor: figma\ntype: perpetual\nmaintenance: { start: 2025-01-01, end: 2025-12-31 }\ntiers:\n  - { id: full, name: Full }\n',
  'inventory/assignments/acad.yaml': seats('acad', '{ person: ada, tier: full, since: 2025-01-05 }'),
  'inventory/contracts/figma-typo.yaml': CONTRACT.replace('id: figma-2026', 'id: figma-typo').replace('end: 2026-12-31', 'end: 2025-12-31').replace('auto_renew: true', 'auto_renew: false'),
  'inventory/org.yaml': `${ORG}policies:\n  offboarding: { removal_days: 5 }\n`,
  'inventory/policies/eng.yaml': 'id: eng\nname: Engineering\nmatch: { departments: [eng] }\ngrant:\n  - { license: sketch, tier: viewer }\nforbid:\n  - { license: acad }\n',
  'inventory/discovered/okta.yaml': 'source: okta\nkind: okta\nas_of: 2026-12-10\napps:\n  - { app: miro, name: Miro, users: 9, first_seen: 2026-11-01, last_seen: 2026-12-10 }\n',
  'inventory/contracts/acad-2025.yaml': 'id: acad-2025\nvendor: figma\ncurrency: EUR\nstart: 2025-01-01\nend: 2025-12-31\nlines:\n  - { license: acad, tier: full, quantity: 1, unit_price: "900" }\n',
});

describe('the rule set', () => {
  it('has unique ids, a default severity and a one-line doc, one source and one test file per rule', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of INVENTORY_RULES) {
      expect(r.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(SEVERITIES).toContain(r.severity);
      expect(r.doc).toMatch(/^[A-Z].*\.$/);
      expect(r.doc).not.toContain('\n');
      expect(existsSync(new URL(`../../src/rules/${r.id}.ts`, import.meta.url)), r.id).toBe(true);
      expect(existsSync(new URL(`./${r.id}.test.ts`, import.meta.url)), r.id).toBe(true);
    }
  });

  it('fires every rule on an inventory with one of each problem, each finding with a hint', async () => {
    const { inventory, findings: loadFindings } = await loadInventory(memorySource(MESSY));
    expect(loadFindings).toEqual([]);
    const findings = runRules(inventory, '2026-12-10');
    expect([...new Set(findings.map((f) => f.rule))].sort()).toEqual(INVENTORY_RULES.map((r) => r.id).sort());
    for (const f of findings) expect(f.hint, `${f.rule}: ${f.message}`).toMatch(/\w/);
  });

  it('finds nothing in the small valid inventory', async () => {
    const { inventory } = await loadInventory(memorySource(files()));
    expect(runRules(inventory, '2026-03-10')).toEqual([]);
  });
});
