// Exact monthly figures of the spend forecast on a small organization (tests/forecast/support.ts).
import { describe, expect, it } from 'vitest';
import { forecastMonths, forecastSpend, knownChanges } from '../../src/analysis/forecast/index.ts';
import { escalate } from '../../src/analysis/forecast/escalate.ts';
import { currentHoldings } from '../../src/analysis/period/holdings.ts';
import { periodSpend } from '../../src/analysis/period/index.ts';
import type { Inventory } from '../../src/inventory/model.ts';
import { planRenewals } from '../../src/renewals/plan.ts';
import { parseAmount, toDecimal } from '../../src/util/money.ts';
import { orgModel } from './support.ts';

const TODAY = '2026-12-15';
const eur = (m: bigint) => toDecimal(m, 'EUR');

function run(inv: Inventory, today = TODAY, n = 12) {
  const months = forecastMonths(today, n);
  return { months, f: forecastSpend(inv, months, currentHoldings(inv), planRenewals(inv, today), knownChanges(inv, today), today) };
}

describe('the spend forecast', () => {
  it('covers the months after today\'s month', () => {
    expect(forecastMonths(TODAY, 3)).toEqual([
      { label: '2027-01', from: '2027-01-01', to: '2027-01-31' },
      { label: '2027-02', from: '2027-02-01', to: '2027-02-28' },
      { label: '2027-03', from: '2027-03-01', to: '2027-03-31' },
    ]);
  });

  it('12 seats × 10.00 a month, renewed in the fourth month with a 5% escalator: 120.00 three times, then 126.00', async () => {
    const { f } = run(await orgModel());
    expect(f.months.map((m) => eur(m.contracts['tool-2026'] ?? 0n))).toEqual(['120.00', '120.00', '120.00', ...Array(9).fill('126.00')]);
    expect(f.months.map((m) => eur(m.licenses.tool ?? 0n))).toEqual(['120.00', '120.00', '120.00', ...Array(9).fill('126.00')]);
    const renewals = f.renewals.filter((r) => r.contract === 'tool-2026');
    expect(renewals).toEqual([{ contract: 'tool-2026', renewal: 1, start: '2027-04-01', end: '2028-03-31', escalations: 1, lines: [{ license: 'tool', tier: 'std', quantity: 12, unitPrice: '10.50' }] }]);
    // The renewal's share of each month's total is what the projected term accrues.
    expect(f.months.map((m) => eur(m.renewedLicenses.tool ?? 0n))).toEqual(['0.00', '0.00', '0.00', ...Array(9).fill('126.00')]);
  });

  it('escalates again at the next renewal, compounding', async () => {
    const { f } = run(await orgModel(), TODAY, 27);
    expect(f.renewals.filter((r) => r.contract === 'tool-2026').map((r) => [r.start, r.lines[0]!.unitPrice])).toEqual([['2027-04-01', '10.50'], ['2028-04-01', '11.025']]);
    expect(eur(f.months.find((m) => m.month === '2028-04')!.contracts['tool-2026']!)).toBe('132.30');
    expect(escalate(parseAmount('10.00'), { percent: 5 }, 3)).toBe(parseAmount('11.57625'));
  });

  it('a cancelled contract costs nothing after its term and is not renewed', async () => {
    const { f } = run(await orgModel());
    expect(f.months.map((m) => eur(m.contracts['old-2026'] ?? 0n))).toEqual(['100.00', '100.00', ...Array(10).fill('0.00')]);
    expect(f.renewals.some((r) => r.contract === 'old-2026')).toBe(false);
  });

  it('a future leaver on a contract billed by quantity: the spend stays until the renewal, which buys one seat fewer', async () => {
    const inv = await orgModel();
    const { f, months } = run(inv);
    // Until the renewal the term as written: exactly what `lac report --period` accrues for that month.
    for (const [i, m] of months.entries()) if (m.to <= '2027-06-30') expect(f.months[i]!.contracts['cad-2026']).toBe(periodSpend(inv, m, currentHoldings(inv)).lines.find((l) => l.contract === 'cad-2026')!.amount);
    // Two seats assigned, no usage snapshot, 0% headroom: the renewal recommends 2; bob leaves on 2027-02-15: 1.
    expect(f.renewals.find((r) => r.contract === 'cad-2026')!.lines).toEqual([{ license: 'cad', tier: 'std', quantity: 1, unitPrice: '120.00' }]);
    // 120.00 over the 366 days of the year from 2027-07-01: July 31 days = 10.1639… → 10.16.
    expect(eur(f.months.find((m) => m.month === '2027-07')!.contracts['cad-2026']!)).toBe('10.16');
  });

  it('charges a known leaver\'s seat to their department until their end date, then to nobody (spare)', async () => {
    const { f } = run(await orgModel());
    const [jan, mar] = [f.months[0]!, f.months[2]!];
    // January: ada and bob (eng) hold both seats; March: bob left on 2027-02-15, half the seat-days are spare.
    expect(jan.departments.eng).toBe(jan.contracts['cad-2026']);
    const half = mar.contracts['cad-2026']! / 2n;
    expect(mar.departments.eng! - half).toBeLessThanOrEqual(10_000n);
    expect(half - mar.departments.eng!).toBeLessThanOrEqual(10_000n);
    expect(mar.departments.eng).toBeLessThan(mar.contracts['cad-2026']!);
  });

  it('a known joiner an access policy grants the tier adds a seat to the renewal', async () => {
    const inv = await orgModel({ 'inventory/policies/eng.yaml': 'id: eng\nname: Engineers get CAD\nmatch: { departments: [eng] }\ngrant:\n  - { license: cad, tier: std }\n' });
    const { f } = run(inv);
    // 2 − bob (leaves) + cy (starts 2027-03-01, before the renewal on 2027-07-01) = 2.
    expect(f.renewals.find((r) => r.contract === 'cad-2026')!.lines[0]!.quantity).toBe(2);
  });

  it('agrees with `lac report --period` for every month inside a written term, in total, per license and per department', async () => {
    const inv = await orgModel();
    const { f, months } = run(inv, '2026-05-20', 6);
    for (const [i, m] of months.entries()) {
      const report = periodSpend(inv, m, currentHoldings(inv));
      expect(f.months[i]!.total).toBe(report.total);
      expect(f.months[i]!.renewed).toBe(0n);
      expect(f.months[i]!.licenses).toEqual(Object.fromEntries(report.licenses.map((l) => [l.id, l.amount])));
      expect(f.months[i]!.departments).toEqual(Object.fromEntries(report.departments.map((d) => [d.key, d.amount])));
    }
  });
});
