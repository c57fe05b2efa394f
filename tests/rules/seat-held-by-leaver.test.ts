import { describe, expect, it } from 'vitest';
import { PEOPLE, files, ruleFindings } from '../support/inventory.ts';

const seats = (...lines: string[]) => `license: figma\nseats:\n${lines.map((l) => `  - ${l}\n`).join('')}`;

describe('seat-held-by-leaver', () => {
  it('is an error once the end date has passed, a warning before', async () => {
    const people = PEOPLE.replace('status: active, start: 2021-06-01', 'status: leaver, start: 2021-06-01, end: 2026-04-30');
    const fileMap = files({
      'inventory/people.yaml': people,
      'inventory/assignments/figma.yaml': seats('{ person: cy, tier: full, since: 2025-01-05 }', '{ person: bob, tier: viewer, since: 2026-01-05 }'),
    });
    expect(await ruleFindings('seat-held-by-leaver', fileMap)).toEqual([
      'inventory/assignments/figma.yaml:3:15 error Cy Leaver (cy) left on 2026-01-31 and still holds a figma full seat',
      'inventory/assignments/figma.yaml:4:15 warning Bob Byte (bob) leaves on 2026-04-30 and still holds a figma viewer seat',
    ]);
  });

  it('leaves seats of people who are staying alone', async () => {
    expect(await ruleFindings('seat-held-by-leaver', files())).toEqual([]);
  });
});
