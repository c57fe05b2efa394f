import { describe, expect, it } from 'vitest';
import { CONTRACT, LICENSE, PEOPLE, files, ruleFindings } from '../support/inventory.ts';

describe('dates-out-of-order', () => {
  it('points at an end before its start in contracts, maintenance terms and people', async () => {
    const broken = files({
      'inventory/contracts/figma-2026.yaml': CONTRACT.replace('end: 2026-12-31', 'end: 2025-12-31'),
      'inventory/licenses/figma.yaml': `${LICENSE}maintenance: { start: 2026-01-01, end: 2025-06-30 }\n`,
      'inventory/people.yaml': PEOPLE.replace('start: 2019-01-01, end: 2026-01-31', 'start: 2026-02-01, end: 2026-01-31'),
    });
    expect(await ruleFindings('dates-out-of-order', broken)).toEqual([
      'inventory/contracts/figma-2026.yaml:6:6 error contract figma-2026 ends on 2025-12-31, before it starts on 2026-01-01',
      'inventory/licenses/figma.yaml:9:40 error maintenance of figma ends on 2025-06-30, before it starts on 2026-01-01',
      'inventory/people.yaml:4:113 error Cy Leaver (cy) has a last day 2026-01-31 before the first day 2026-02-01',
    ]);
  });

  it('is quiet for dates in order, including a one-day term', async () => {
    expect(await ruleFindings('dates-out-of-order', files({ 'inventory/contracts/figma-2026.yaml': CONTRACT.replace('end: 2026-12-31', 'end: 2026-01-01') }))).toEqual([]);
  });
});
