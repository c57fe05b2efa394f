import { describe, expect, it } from 'vitest';
import { LICENSE, files, ruleFindings } from '../support/inventory.ts';

const retired = `${LICENSE}retired: 2026-02-01\n`;

describe('retired-license-has-seats', () => {
  it('points at the license of an assignments file whose license was retired', async () => {
    expect(await ruleFindings('retired-license-has-seats', files({ 'inventory/licenses/figma.yaml': retired }))).toEqual([
      'inventory/assignments/figma.yaml:1:10 error figma (Figma) was retired on 2026-02-01 but 2 seats are still assigned',
    ]);
  });

  it('is quiet before the retirement date and once the seats are gone', async () => {
    expect(await ruleFindings('retired-license-has-seats', files({ 'inventory/licenses/figma.yaml': retired }), '2026-02-01')).toEqual([]);
    const empty = files({ 'inventory/licenses/figma.yaml': retired, 'inventory/assignments/figma.yaml': 'license: figma\nseats: []\n' });
    expect(await ruleFindings('retired-license-has-seats', empty)).toEqual([]);
  });
});
