import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/analysis/report/index.ts';
import { FIGMA_CONTRACT, FIGMA_LICENSE, FIGMA_USAGE, model, TODAY } from './model.ts';

// Figma as floating licenses: 4 full seats entitled, and the vendor's daily peaks of seats in use.
const concurrent = {
  'inventory/licenses/figma.yaml': FIGMA_LICENSE.replace(/type: \S+/, 'type: concurrent'),
  'inventory/contracts/figma-2026.yaml': FIGMA_CONTRACT,
};
const withPeaks = (peaks: string) => FIGMA_USAGE.replace('accounts:', `peaks:\n${peaks}accounts:`);

describe('utilization of a concurrent license', () => {
  it('is its highest peak of seats in use at once against the seats entitled, with the peak as its source', async () => {
    const inv = await model({ ...concurrent, 'inventory/usage/figma.yaml': withPeaks('  - { date: 2026-03-01, in_use: 2 }\n  - { date: 2026-03-02, in_use: 3 }\n') });
    const full = buildReport(inv, TODAY).licenses.find((l) => l.id === 'figma')!.tiers.find((t) => t.tier === 'full')!;
    expect(full.utilization.value).toBe(75);
    expect(full.utilization.from).toEqual([{ file: 'inventory/usage/figma.yaml', line: 6, what: 'peak of 3 seats in use at once on 2026-03-02, of 4 concurrent seats entitled' }]);
  });

  it('measures each tier by its own peaks when a license server gives them per tier', async () => {
    const contract = FIGMA_CONTRACT.replace('quantity: unlimited', 'quantity: 10');
    const peaks = '  - { date: 2026-03-01, tier: full, in_use: 2 }\n  - { date: 2026-03-01, tier: viewer, in_use: 9 }\n  - { date: 2026-03-02, tier: full, in_use: 1 }\n';
    const inv = await model({ ...concurrent, 'inventory/contracts/figma-2026.yaml': contract, 'inventory/usage/figma.yaml': withPeaks(peaks) });
    const tiers = buildReport(inv, TODAY).licenses.find((l) => l.id === 'figma')!.tiers;
    expect(tiers.map((t) => [t.tier, t.utilization.value])).toEqual([['full', 50], ['viewer', 90]]);
    expect(tiers[0]!.utilization.from[0]!.what).toBe('peak of 2 seats in use at once on 2026-03-01, of 4 concurrent seats entitled');
  });

  it('falls back to active named users when the vendor reports no peaks', async () => {
    const inv = await model({ ...concurrent, 'inventory/usage/figma.yaml': FIGMA_USAGE });
    const full = buildReport(inv, TODAY).licenses.find((l) => l.id === 'figma')!.tiers.find((t) => t.tier === 'full')!;
    expect(full.utilization.value).toBe(25);
  });
});
