import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concurrentRecommendation, dailyPeaks, distributionText, percentile, tierDailyPeaks, type DailyPeak } from '../../src/analysis/concurrent-recommend.ts';
import { loadInventory } from '../../src/inventory/load.ts';
import { memorySource } from '../../src/inventory/memory-source.ts';
import { formatIcs } from '../../src/renewals/calendar.ts';
import { formatMarkdown, formatText, renewalJson } from '../../src/renewals/format.ts';
import { issueBody } from '../../src/renewals/issue-body.ts';
import { prBody } from '../../src/renewals/prs.ts';
import { planRenewals } from '../../src/renewals/plan.ts';
import { addDays } from '../../src/util/dates.ts';
import { files } from '../support/inventory.ts';

const days = (values: number[], denials: Record<number, number> = {}): DailyPeak[] =>
  values.map((inUse, i) => ({ date: addDays('2026-08-01', i), inUse, denials: denials[i] ?? 0 }));

describe('percentile (nearest rank)', () => {
  it('picks sorted[ceil(p/100 × n) − 1] on known arrays', () => {
    // The worked example of the nearest-rank method (Wikipedia, "Percentile").
    const list = [15, 20, 35, 40, 50];
    expect([5, 30, 40, 50, 100].map((p) => percentile(list, p))).toEqual([15, 20, 20, 35, 50]);
    const twenty = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect([percentile(twenty, 95), percentile(twenty, 50)]).toEqual([19, 10]);
    expect(percentile([7], 95)).toBe(7);
    expect(() => percentile([], 95)).toThrow('empty');
  });
});

describe('the recommendation of a concurrent tier from its daily peaks', () => {
  it('is ceil(p95 × (1 + headroom)), with the reasoning as data and text', () => {
    // 90 days: 85 at 10..16 and five busy days; p95 = the 86th smallest.
    const values = [...Array.from({ length: 85 }, (_, i) => 10 + (i % 7)), 17, 17, 18, 19, 21];
    const d = concurrentRecommendation(days(values), 10)!;
    expect(d).toEqual({ method: 'p95-nearest-rank', days: 90, from: '2026-08-01', to: '2026-10-29', p50: 13, p95: 17, max: 21, maxOn: '2026-10-29', denials: 0, denialDays: 0, deniedPeak: null, headroomPercent: 10, recommended: 19 });
    expect(distributionText(d)).toBe('95th percentile of 90 daily peaks (2026-08-01 to 2026-10-29): 17; +10% headroom → 19; median 13; max 21 on 2026-10-29; no denials');
  });

  it('with denials: at least the max, and one seat above the peak of a day with denials', () => {
    const d = concurrentRecommendation(days([5, 5, 8, 8, 5, 5, 5, 5, 5, 5], { 2: 3, 3: 1 }), 0)!;
    expect([d.p95, d.denials, d.denialDays, d.deniedPeak, d.recommended]).toEqual([8, 4, 2, 8, 9]);
    expect(distributionText(d)).toContain('4 denials on 2 days; denied at a peak of 8: at least 9 and the max → 9');
    // A spike above p95 without denials, and denials at a lower peak later (a smaller pool): the max wins.
    const spike = concurrentRecommendation(days([...Array(40).fill(4), 12, ...Array(10).fill(6)], { 45: 2 }), 10)!;
    expect([spike.p95, spike.max, spike.deniedPeak, spike.recommended]).toEqual([6, 12, 6, 12]);
  });

  it('never 0 while used, 0 when nothing was ever in use, none without data', () => {
    expect(concurrentRecommendation(days([...Array(19).fill(0), 1]), 10)!.recommended).toBe(1);
    expect(concurrentRecommendation(days(Array(30).fill(0)), 10)!.recommended).toBe(0);
    expect(concurrentRecommendation([], 10)).toBeUndefined();
  });

  it('counts only reported days (a gap is not a zero) and a later report of a day wins', () => {
    const reports: DailyPeak[] = [
      { date: '2026-08-01', inUse: 3, denials: 0 }, { date: '2026-08-05', inUse: 4, denials: 0 },
      { date: '2026-08-05', inUse: 6, denials: 1 }, { date: '2026-07-31', inUse: 9, denials: 0 },
    ];
    expect(dailyPeaks(reports, '2026-08-01', '2026-08-31')).toEqual([{ date: '2026-08-01', inUse: 3, denials: 0 }, { date: '2026-08-05', inUse: 6, denials: 1 }]);
    // Peaks without a tier count for a single-tier license only.
    expect([...tierDailyPeaks([[{ date: '2026-08-02', in_use: 2 }]], ['a', 'b'], '2026-08-01', '2026-08-31').keys()]).toEqual([]);
    expect(tierDailyPeaks([[{ date: '2026-08-02', in_use: 2 }]], ['a'], '2026-08-01', '2026-08-31').get('a')).toEqual([{ date: '2026-08-02', inUse: 2, denials: 0 }]);
  });

  it('holds its bounds on any peaks', () => {
    const peak = fc.record({ inUse: fc.nat(500), denials: fc.nat(3) });
    fc.assert(fc.property(fc.array(peak, { minLength: 1, maxLength: 120 }), fc.nat(100), (list, headroom) => {
      const d = concurrentRecommendation(list.map((p, i) => ({ ...p, date: addDays('2026-01-01', i) })), headroom)!;
      const max = Math.max(...list.map((p) => p.inUse));
      expect(d.recommended).toBeGreaterThanOrEqual(d.p95);
      expect(d.p50).toBeLessThanOrEqual(d.p95);
      expect(d.p95).toBeLessThanOrEqual(max);
      if (d.denials > 0) expect(d.recommended).toBeGreaterThanOrEqual(Math.max(max, d.deniedPeak! + 1));
      expect(d.recommended === 0).toBe(max === 0);
    }), { seed: 17, numRuns: 200 });
  });
});

describe('lac renewals sizes a concurrent tier by its daily peaks', () => {
  it('in the plan and its JSON', async () => {
    const peaks = Array.from({ length: 20 }, (_, i) => `  - { date: ${addDays('2026-09-01', i)}, tier: full, in_use: ${i === 7 ? 2 : 1}${i === 7 ? ', denials: 2' : ''} }\n`).join('');
    const { inventory } = await loadInventory(memorySource(files({
      'inventory/licenses/figma.yaml': 'id: figma\nname: Figma\nvendor: figma\ntype: concurrent\nowner: ada\ntiers:\n  - { id: full, name: Full seat }\n  - { id: viewer, name: Viewer }\n',
      // A peak of 9 before the 90-day window counts for nothing.
      'inventory/usage/figma.yaml': `license: figma\nsource: flexnet\ntaken: 2026-09-21T06:00:00Z\naccounts: []\npeaks:\n  - { date: 2026-06-01, tier: full, in_use: 9 }\n${peaks}`,
    })));
    const r = planRenewals(inventory, '2026-10-20').find((x) => x.id === 'figma-2026')!;
    const line = r.lines.find((l) => l.tier === 'full')!;
    expect([line.recommended, line.distribution?.p95, line.distribution?.max, line.distribution?.denials, line.usage?.peak, line.usage?.peakOn]).toEqual([3, 1, 2, 2, 2, '2026-09-08']);
    expect(line.reasoning[0]).toBe('95th percentile of 20 daily peaks (2026-09-01 to 2026-09-20): 1; +10% headroom → 2; median 1; max 2 on 2026-09-08; 2 denials on 1 day; denied at a peak of 2: at least 3 and the max → 3: 3 seats');
    expect((renewalJson(r).lines as { peak_distribution: unknown }[])[0]!.peak_distribution).toMatchObject({ method: 'p95-nearest-rank', days: 20, p95: 1, max: 2, max_on: '2026-09-08', denials: 2, recommended: 3 });
    // The same reasoning in every other output: text and markdown listings, the issue and PR bodies, the calendar.
    const header = { today: '2026-10-20', within: 90 };
    const why = '95th percentile of 20 daily peaks (2026-09-01 to 2026-09-20): 1; +10% headroom → 2; median 1; max 2 on 2026-09-08; 2 denials on 1 day';
    for (const out of [formatText([r], header), formatMarkdown([r], header), issueBody(r), prBody(r), formatIcs([r], { timeZone: 'UTC' }).replace(/\r\n /g, '').replace(/\\([,;])/g, '$1')]) expect(out).toContain(why);
  });
});
