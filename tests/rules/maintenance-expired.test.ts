import { describe, expect, it } from 'vitest';
import { LICENSE, files, ruleFindings } from '../support/inventory.ts';

const perpetual = (end: string) => `${LICENSE.replace('type: subscription', 'type: perpetual')}maintenance: { start: 2025-01-01, end: ${end} }\n`;

describe('maintenance-expired', () => {
  it('points at the end of the lapsed maintenance of a perpetual license', async () => {
    expect(await ruleFindings('maintenance-expired', files({ 'inventory/licenses/figma.yaml': perpetual('2025-12-31') }))).toEqual([
      'inventory/licenses/figma.yaml:9:40 warning maintenance of figma (Figma) ended on 2025-12-31, 69 days ago: no updates or support since',
    ]);
  });

  it('is quiet while maintenance runs (its last day included), and for other license types', async () => {
    expect(await ruleFindings('maintenance-expired', files({ 'inventory/licenses/figma.yaml': perpetual('2026-03-10') }))).toEqual([]);
    const subscription = `${LICENSE}maintenance: { start: 2025-01-01, end: 2025-12-31 }\n`;
    expect(await ruleFindings('maintenance-expired', files({ 'inventory/licenses/figma.yaml': subscription }))).toEqual([]);
  });
});
