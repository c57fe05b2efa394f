import { describe, expect, it } from 'vitest';
import { buildReport, type Report } from '../../src/analysis/report/index.ts';
import { largestRemainder } from '../../src/analysis/money/allocate.ts';
import { toDecimal, sum } from '../../src/util/money.ts';
import { model, TODAY } from './model.ts';

const eur = (v: bigint | null) => (v === null ? null : toDecimal(v, 'EUR'));

function tier(report: Report, license: string, id: string) {
  const t = report.licenses.find((l) => l.id === license)!.tiers.find((x) => x.tier === id)!;
  return {
    entitled: t.entitled.value, assigned: t.assigned.value, active: t.active.value, inactive: t.inactive.value, unknown: t.unknown.value,
    unassigned: t.unassigned.value, utilization: t.utilization.value, annualCost: eur(t.annualCost.value), costPerActive: eur(t.costPerActive.value), waste: eur(t.waste.value),
  };
}

describe('report analysis', () => {
  it('gives exact figures per license and tier, in the org currency', async () => {
    const report = buildReport(await model(), TODAY);
    // 4 × 540 USD × 0.90 = 1,944 EUR; ada active, cy left, dee idle for 99 days (> 60).
    expect(tier(report, 'figma', 'full')).toEqual({ entitled: 4, assigned: 3, active: 1, inactive: 2, unknown: 0, unassigned: 1, utilization: 25, annualCost: '1944.00', costPerActive: '1944.00', waste: '1458.00' });
    expect(tier(report, 'figma', 'viewer')).toEqual({ entitled: 'unlimited', assigned: 1, active: 1, inactive: 0, unknown: 0, unassigned: null, utilization: 100, annualCost: '0.00', costPerActive: '0.00', waste: '0.00' });
    // 3 × 10 EUR a month; no usage snapshot: activity unknown, no waste.
    expect(tier(report, 'slack', 'standard')).toEqual({ entitled: 3, assigned: 3, active: null, inactive: 0, unknown: 3, unassigned: 0, utilization: null, annualCost: '360.00', costPerActive: null, waste: '0.00' });
    const t = report.totals;
    expect([t.entitled.value, t.assigned.value, t.active.value, t.inactive.value, t.unknown.value, t.unassigned.value, eur(t.annualCost.value), eur(t.waste.value)]).toEqual([7, 7, 2, 2, 3, 1, '2304.00', '1458.00']);
  });

  it('charges back by department and cost centre', async () => {
    const report = buildReport(await model(), TODAY);
    const rows = (list: Report['departments']) => list.map((r) => [r.key, r.seats.value, eur(r.annualCost.value), eur(r.waste.value)]);
    expect(rows(report.departments)).toEqual([
      ['(none)', 1, '120.00', '0.00'],
      ['(unassigned)', 0, '486.00', '486.00'],
      ['eng', 4, '1578.00', '972.00'],
      ['sales', 2, '120.00', '0.00'],
    ]);
    expect(rows(report.costCentres)).toEqual([
      ['(none)', 1, '120.00', '0.00'],
      ['(unassigned)', 0, '486.00', '486.00'],
      ['CC-100', 3, '1092.00', '486.00'],
      ['CC-200', 2, '120.00', '0.00'],
      ['CC-999', 1, '486.00', '486.00'],
    ]);
  });

  it('reconciles: tiers add up to licenses, licenses and chargeback rows to the org totals', async () => {
    // A price that does not divide evenly: 100.00 EUR a year for 3 seats.
    const report = buildReport(await model({
      'inventory/contracts/slack-2026.yaml': 'id: slack-2026\nvendor: slack\ncurrency: EUR\nstart: 2026-01-01\nend: 2026-12-31\nlines:\n  - { license: slack, tier: standard, quantity: 3, unit_price: "33.333333" }\n  - { license: slack, tier: standard, quantity: 1, unit_price: "0.000001" }\n',
    }), TODAY);
    for (const l of report.licenses) {
      expect(sum(l.tiers.map((t) => t.annualCost.value))).toBe(l.totals.annualCost.value);
      expect(sum(l.tiers.map((t) => t.waste.value))).toBe(l.totals.waste.value);
      expect(l.tiers.reduce((a, t) => a + t.assigned.value, 0)).toBe(l.totals.assigned.value);
    }
    const total = report.totals;
    expect(sum(report.licenses.map((l) => l.totals.annualCost.value))).toBe(total.annualCost.value);
    for (const rows of [report.departments, report.costCentres]) {
      expect(sum(rows.map((r) => r.annualCost.value))).toBe(total.annualCost.value);
      expect(sum(rows.map((r) => r.waste.value))).toBe(total.waste.value);
      expect(rows.reduce((a, r) => a + r.seats.value, 0)).toBe(total.assigned.value);
      // Each row's per-license amounts add up to the row.
      for (const r of rows) expect(sum(Object.values(r.licenses).map((f) => f.value))).toBe(r.annualCost.value);
    }
    expect(eur(total.annualCost.value)).toBe('2044.00');
  });

  it('shares amounts by largest remainder, ties to the lower key, so that the parts add up exactly', () => {
    // 100 over 1:1:1 → 33.33.. each; one unit left, all remainders equal: the lowest key takes it.
    expect(largestRemainder(100n, [1n, 1n, 1n], ['b', 'a', 'c'])).toEqual([33n, 34n, 33n]);
    // 10 over 5:3:2 of 10 → 5, 3, 2 exactly; 7 over 1:2:4 → 1, 2, 4.
    expect(largestRemainder(10n, [5n, 3n, 2n], ['a', 'b', 'c'])).toEqual([5n, 3n, 2n]);
    // 1 over 2:1 → 0.667 and 0.333: the larger remainder wins, whatever the key.
    expect(largestRemainder(1n, [1n, 2n], ['a', 'b'])).toEqual([0n, 1n]);
    // Ten million seats and 4,294,967,296 weights are arithmetic, not arrays.
    expect(sum(largestRemainder(1_000_000_01n, [10_000_000n, 4_294_967_296n], ['x', 'y']))).toBe(1_000_000_01n);
    expect(largestRemainder(5n, [0n, 0n], ['a', 'b'])).toEqual([0n, 0n]);
  });

  it('says where every figure comes from', async () => {
    const report = buildReport(await model(), TODAY);
    const full = report.licenses[0]!.tiers[0]!;
    expect(full.entitled.from).toEqual([{ file: 'inventory/contracts/figma-2026.yaml', line: 8, what: 'contract figma-2026 lines[0]: 4 × 540.00 USD per year' }]);
    expect(full.annualCost.from).toEqual([
      { file: 'inventory/contracts/figma-2026.yaml', line: 8, what: 'contract figma-2026 lines[0]: 4 × 540.00 USD per year' },
      { file: 'inventory/org.yaml', line: 4, what: 'exchange rate USD → EUR: 0.90' },
    ]);
    expect(full.active.from).toEqual([
      { file: 'inventory/assignments/figma.yaml', line: 3, what: '3 seats with tier full' },
      { file: 'inventory/licenses/figma.yaml', what: 'inactive after 60 days (default policy)' },
      { file: 'inventory/usage/figma.yaml', line: 1, what: 'usage snapshot taken 2026-03-09T06:00:00Z' },
    ]);
    // Every number in the report has at least one source (figures that are null or zero by absence may have none).
    const figures = [...report.licenses.flatMap((l) => l.tiers.flatMap((t) => [t.entitled, t.assigned, t.annualCost, t.waste])), report.totals.annualCost, ...report.departments.map((d) => d.annualCost)];
    for (const f of figures) if (f.value !== null && f.value !== 0 && f.value !== 0n) expect(f.from.length).toBeGreaterThan(0);
  });

  it('reports one license with --license', async () => {
    const report = buildReport(await model(), TODAY, { license: 'slack' });
    expect(report.licenses.map((l) => l.id)).toEqual(['slack']);
    expect(eur(report.totals.annualCost.value)).toBe('360.00');
  });
});
