import { describe, expect, it } from 'vitest';
import { files, ruleFindings } from '../support/inventory.ts';

const seats = (...lines: string[]) => `license: figma\nseats:\n${lines.map((l) => `  - ${l}\n`).join('')}`;

describe('assignment-before-start', () => {
  it('points at a since before the start date or after the end date', async () => {
    const fileMap = files({
      'inventory/assignments/figma.yaml': seats('{ person: ada, tier: full, since: 2019-12-31 }', '{ person: cy, tier: viewer, since: 2026-02-01 }'),
    });
    expect(await ruleFindings('assignment-before-start', fileMap)).toEqual([
      'inventory/assignments/figma.yaml:3:39 warning Ada Lovelace (ada) holds a figma full seat since 2019-12-31, before starting on 2020-01-01',
      'inventory/assignments/figma.yaml:4:40 warning Cy Leaver (cy) holds a figma viewer seat since 2026-02-01, after leaving on 2026-01-31',
    ]);
  });

  it('accepts seats from the first day to the last day, and device seats', async () => {
    const fileMap = files({
      'inventory/assignments/figma.yaml': seats('{ person: ada, tier: full, since: 2020-01-01 }', '{ person: cy, tier: viewer, since: 2026-01-31 }', '{ device: build-01, tier: viewer, since: 2001-01-01 }'),
    });
    expect(await ruleFindings('assignment-before-start', fileMap)).toEqual([]);
  });
});
