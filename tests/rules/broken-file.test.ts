// A file that cannot be read does not make every reference into it an error: references are
// reported once per broken file, as not checked, and the parse error itself is located.
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/check/run.ts';
import type { Finding } from '../../src/findings/finding.ts';
import { reclaimPlan } from '../../src/analysis/reclaim/plan.ts';
import { loadInventory } from '../../src/inventory/load.ts';
import { memorySource } from '../../src/inventory/memory-source.ts';
import { EXAMPLE_TODAY, exampleFiles } from '../support/example.ts';

let example: Record<string, string>;
beforeAll(async () => {
  example = await exampleFiles();
});

const line = (f: Finding) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`;

async function findingsWith(overrides: Record<string, string>): Promise<{ before: Finding[]; after: Finding[] }> {
  const before = (await check(memorySource(example), { today: EXAMPLE_TODAY })).findings;
  const after = (await check(memorySource({ ...example, ...overrides }), { today: EXAMPLE_TODAY })).findings;
  return { before, after };
}

/** Findings the change added, as lines. */
const added = (r: { before: Finding[]; after: Finding[] }) => {
  const old = new Set(r.before.map(line));
  return r.after.map(line).filter((l) => !old.has(l));
};

describe('no cascade from a broken file', () => {
  it('a people.yaml that does not parse: its YAML error, then one note per rule for the references into it', async () => {
    const people = example['inventory/people.yaml']!;
    const broken = people.replace(/^(  - \{ id: adaeze\.obi,.*)\}$/m, '$1');
    expect(broken).not.toBe(people);
    const r = await findingsWith({ 'inventory/people.yaml': broken });
    expect(r.after.filter((f) => f.rule === 'unknown-assignee' && f.severity === 'error')).toEqual([]);
    expect(added(r)).toEqual([
      'inventory/people.yaml:1:1 warning unknown-assignee references to people from 16 files (inventory/assignments/1password.yaml, inventory/assignments/adobe-creative-cloud.yaml, inventory/assignments/deepl-api.yaml and 13 more) are not checked because inventory/people.yaml is broken',
      'inventory/people.yaml:1:1 warning unknown-reference references to people from 43 files (inventory/contracts/1password-2026.yaml, inventory/contracts/adobe-vip-2026.yaml, inventory/contracts/atlassian-2026.yaml and 40 more) are not checked because inventory/people.yaml is broken',
      'inventory/people.yaml:8:3 error yaml-syntax Flow map in block collection must be sufficiently indented and end with a }',
    ]);
    // Nor does reclaim propose seats of people it cannot look up: check and reclaim agree on nothing to reclaim for them.
    const { inventory } = await loadInventory(memorySource({ ...example, 'inventory/people.yaml': broken }));
    expect(reclaimPlan(inventory, EXAMPLE_TODAY).licenses.flatMap((l) => l.candidates).filter((c) => !inventory.people.has(c.person))).toEqual([]);
  });

  it('a license file that does not parse, referred to by its assignments, contracts and usage snapshot', async () => {
    const r = await findingsWith({ 'inventory/licenses/figma.yaml': 'id: figma\nname: [broken\n' });
    expect(added(r)).toEqual([
      'inventory/licenses/figma.yaml:1:1 warning unknown-reference references to license "figma" from 4 files (inventory/assignments/figma.yaml, inventory/contracts/figma-2025.yaml, inventory/contracts/figma-2026.yaml and 1 more) are not checked because inventory/licenses/figma.yaml is broken',
      'inventory/licenses/figma.yaml:3:1 error yaml-syntax Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('a license file that fails its schema as a whole is broken too', async () => {
    const license = example['inventory/licenses/figma.yaml']!.replace(/^type: .*$/m, 'type: 17');
    const r = await findingsWith({ 'inventory/licenses/figma.yaml': license });
    const notes = added(r).filter((l) => l.includes('not checked'));
    expect(notes).toEqual([expect.stringMatching(/^inventory\/licenses\/figma\.yaml:1:1 warning unknown-reference references to license "figma" from 4 files/)]);
    expect(added(r).filter((l) => / error /.test(l) && !l.startsWith('inventory/licenses/figma.yaml:'))).toEqual([]);
  });

  it('an org.yaml that does not parse: department references are not checked', async () => {
    const r = await findingsWith({ 'inventory/org.yaml': `${example['inventory/org.yaml']}\n  : [\n` });
    expect(r.after.filter((f) => f.rule === 'unknown-reference' && f.severity === 'error').map(line)).toEqual([]);
    expect(added(r).filter((l) => l.includes('not checked'))).toEqual(['inventory/org.yaml:1:1 warning unknown-reference references to departments from 2 files (inventory/licenses/zoom.yaml, inventory/people.yaml) are not checked because inventory/org.yaml is broken']);
  });
});
