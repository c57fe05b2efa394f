import { describe, expect, it } from 'vitest';
import { files, ruleFindings } from '../support/inventory.ts';

const seats = (...lines: string[]) => `license: figma\nseats:\n${lines.map((l) => `  - ${l}\n`).join('')}`;

describe('unknown-assignee', () => {
  it('points at a seat whose person is not in the directory', async () => {
    const fileMap = files({ 'inventory/assignments/figma.yaml': seats('{ person: ada, tier: full, since: 2026-01-05 }', '{ person: bbo, tier: viewer, since: 2026-01-05 }') });
    expect(await ruleFindings('unknown-assignee', fileMap)).toEqual([
      'inventory/assignments/figma.yaml:4:15 error person "bbo" is not in inventory/people.yaml; did you mean "bob"?',
    ]);
  });

  it('leaves known people and device seats alone', async () => {
    expect(await ruleFindings('unknown-assignee', files())).toEqual([]);
  });
});
