// Seat demand and headcount: least-squares trends with known slopes.
import { describe, expect, it } from 'vitest';
import { compare, forecastMonths, headcount, seatDemand } from '../../src/analysis/forecast/index.ts';
import { leastSquares, valueAt } from '../../src/analysis/forecast/trend.ts';
import type { Person, Usage } from '../../src/inventory/schema/index.ts';
import type { Snapshot } from '../../src/renewals/usage.ts';
import { orgModel } from './support.ts';

const usage = (day: string, active: number, idle = 0): Snapshot => ({
  day,
  usage: {
    license: 'tool', source: 'test', taken: `${day}T06:00:00Z`,
    accounts: [
      ...Array.from({ length: active }, (_, i) => ({ account: `a${i}`, tier: 'std', last_active: day })),
      // Not active within inactive_days (60): not in use.
      ...Array.from({ length: idle }, (_, i) => ({ account: `z${i}`, tier: 'std', last_active: '2025-01-01' })),
    ],
  } satisfies Usage,
});

describe('seat demand', () => {
  it('4 snapshots 30 days apart with 10, 13, 16, 19 seats in use: 0.1 a day, projected to each month end', async () => {
    const inv = await orgModel();
    const snaps = [usage('2026-09-01', 10, 4), usage('2026-10-01', 13), usage('2026-10-31', 16, 2), usage('2026-11-30', 19)];
    const [d] = seatDemand(inv, new Map([['tool', snaps]]), forecastMonths('2026-12-15', 2), '2026-12-15');
    expect(d!.history).toEqual([{ date: '2026-09-01', value: 10 }, { date: '2026-10-01', value: 13 }, { date: '2026-10-31', value: 16 }, { date: '2026-11-30', value: 19 }]);
    // 0.1 seats a day × 365.25/12 days = 3.04375 → 3.04 a month.
    expect(d!.slopePerMonth).toBe(3.04);
    // 2027-01-31 is 152 days after 2026-09-01: 10 + 15.2; 2027-02-28 is 180 days: 10 + 18.
    expect(d!.projection).toEqual([{ month: '2027-01', date: '2027-01-31', seats: 25.2 }, { month: '2027-02', date: '2027-02-28', seats: 28 }]);
  });

  it('keeps the latest snapshot of a day, ignores snapshots after today, and never projects below 0', async () => {
    const inv = await orgModel();
    const later = { ...usage('2026-10-01', 2), usage: { ...usage('2026-10-01', 2).usage, taken: '2026-10-01T18:00:00Z' } };
    const [d] = seatDemand(inv, new Map([['tool', [usage('2026-09-01', 20), usage('2026-10-01', 9), later, usage('2027-05-01', 50)]]]), forecastMonths('2026-12-15', 1), '2026-12-15');
    expect(d!.history.map((p) => p.value)).toEqual([20, 2]);
    expect(d!.projection[0]!.seats).toBe(0);
  });

  it('a least-squares line through points off the line', () => {
    // (0, 1), (10, 2), (20, 6): slope = Σ(x−10)(y−3)/Σ(x−10)² = (−10·−2 + 0 + 10·3)/200 = 0.25; intercept 3 − 0.25·10 = 0.5.
    const t = leastSquares([{ date: '2026-01-01', value: 1 }, { date: '2026-01-11', value: 2 }, { date: '2026-01-21', value: 6 }])!;
    expect([t.slopePerDay, t.intercept]).toEqual([0.25, 0.5]);
    expect(valueAt(t, '2026-01-31')).toBe(8);
    expect(leastSquares([{ date: '2026-01-01', value: 7 }])!.slopePerDay).toBe(0);
  });
});

describe('headcount per department', () => {
  const p = (id: string, department: string, start?: string, end?: string): Person => ({ id, name: id, email: `${id}@x.example`, department, status: 'active', ...(start ? { start } : {}), ...(end ? { end } : {}) });
  it('counts the people present at each month end, fits the trend, and counts known joiners and leavers ahead', () => {
    const history = [
      { date: '2026-09-30', people: [p('a', 'eng'), p('s', 'sales')] },
      { date: '2026-10-31', people: [p('a', 'eng'), p('b', 'eng'), p('s', 'sales')] },
      // c is in the file but starts later: not present yet.
      { date: '2026-11-30', people: [p('a', 'eng'), p('b', 'eng'), p('d', 'eng'), p('c', 'eng', '2027-01-10'), p('s', 'sales')] },
    ];
    const today = [p('a', 'eng'), p('b', 'eng', undefined, '2027-01-15'), p('d', 'eng'), p('c', 'eng', '2027-01-10'), p('s', 'sales')];
    const [eng, sales] = headcount(history, today, forecastMonths('2026-12-15', 2));
    expect(eng!.history.map((h) => h.value)).toEqual([1, 2, 3]);
    // x = 0, 31, 61 days; y = 1, 2, 3: slope = 61 / 1860.67 = 0.032784 a day × 30.4375 = 0.998 → 1.00 a month.
    expect(eng!.slopePerMonth).toBe(1);
    expect(eng!.projection.map((x) => x.known)).toEqual([3, 3]);
    expect(sales).toMatchObject({ department: 'sales', slopePerMonth: 0, projection: [{ month: '2027-01', trend: 1, known: 1 }, { month: '2027-02', trend: 1, known: 1 }] });
  });
});

describe('the back-test comparison', () => {
  it('per-month error, percentage error, MAPE and the total error', () => {
    const b = compare('2026-05-31', [
      { month: '2026-06', forecast: 110_000_000n, actual: 100_000_000n },
      { month: '2026-07', forecast: 90_000_000n, actual: 100_000_000n },
      { month: '2026-08', forecast: 5_000_000n, actual: 0n },
    ]);
    if ('unavailable' in b) throw new Error(b.unavailable);
    expect(b.months.map((m) => [m.error, m.errorPercent])).toEqual([[10_000_000n, 10], [-10_000_000n, 10], [5_000_000n, null]]);
    expect([b.mape, b.forecast, b.actual, b.error, b.errorPercent]).toEqual([10, 205_000_000n, 200_000_000n, 5_000_000n, 2.5]);
  });
});
