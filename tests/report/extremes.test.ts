// Extreme valid values (quantity 0, 1, 10,000,000 and unlimited; prices 0 and the schema's
// maximum; currencies with 0, 2 and 3 minor digits at extreme rates) run through report,
// renewals, reclaim (dry run) and period spend: no crash, no per-seat allocation, exact sums.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fiscalMonths, fiscalYear } from '../../src/analysis/period/range.ts';
import { periodSpend, periodTotals } from '../../src/analysis/period/index.ts';
import { currentHoldings } from '../../src/analysis/period/holdings.ts';
import { reclaimPlan } from '../../src/analysis/reclaim/plan.ts';
import { minorUnit } from '../../src/analysis/money/allocate.ts';
import { buildReport } from '../../src/analysis/report/index.ts';
import { annualTotal } from '../../src/analysis/report/total.ts';
import { loadInventory } from '../../src/inventory/load.ts';
import { memorySource } from '../../src/inventory/memory-source.ts';
import { formatReport, REPORT_FORMATS } from '../../src/report/format.ts';
import { formatPeriod } from '../../src/report/period-format.ts';
import { planRenewals } from '../../src/renewals/plan.ts';
import { sum } from '../../src/util/money.ts';
import { cleanup, lac, tempRepo } from '../support/cli.ts';
import { modelFiles } from './model.ts';

const TODAY = '2026-03-10';
const CURRENCIES = ['EUR', 'USD', 'JPY', 'KWD', 'CHF'] as const;
const quantity = fc.oneof(fc.constantFrom<number | 'unlimited'>(0, 1, 10_000_000, 'unlimited'), fc.integer({ min: 0, max: 10_000_000 }));
const price = fc.oneof(fc.constantFrom('0', '0.000001', '1000000000', '1000000000.000000', '999999999.999999'), fc.integer({ min: 0, max: 1_000_000_000 }).map(String));
const rate = fc.constantFrom('0.000001', '0.0071', '1', '3.25', '1000000000');
const line = fc.record({
  tier: fc.constantFrom('full', 'viewer'),
  quantity,
  price,
  period: fc.constantFrom('month', 'year', 'term', 'one-time'),
});
const contract = fc.record({
  currency: fc.constantFrom(...CURRENCIES),
  start: fc.constantFrom('2024-02-29', '2025-01-01', '2026-03-10', '2020-06-15'),
  end: fc.constantFrom('2026-12-31', '2028-02-29', '2026-03-10', null),
  autoRenew: fc.boolean(),
  lines: fc.array(line, { minLength: 1, maxLength: 3 }),
});
const org = fc.record({ currency: fc.constantFrom(...CURRENCIES), rates: fc.record(Object.fromEntries(CURRENCIES.map((c) => [c, rate]))) });

function repoFiles(o: { currency: string; rates: Record<string, string> }, contracts: Array<{ currency: string; start: string; end: string | null; autoRenew: boolean; lines: Array<{ tier: string; quantity: number | 'unlimited'; price: string; period: string }> }>) {
  const rates = Object.entries(o.rates).filter(([c]) => c !== o.currency).map(([c, r]) => `${c}: "${r}"`).join(', ');
  const out: Record<string, string | null> = {
    'inventory/org.yaml': `name: Extreme Co\ncurrency: ${o.currency}\ntimezone: UTC\nexchange_rates: { ${rates} }\ndepartments:\n  - { id: eng, name: Engineering, cost_centre: CC-100 }\n  - { id: sales, name: Sales, cost_centre: CC-200 }\n`,
    'inventory/contracts/figma-2026.yaml': null,
    'inventory/contracts/slack-2026.yaml': null,
  };
  contracts.forEach((c, i) => {
    const start = c.end !== null && c.end < c.start ? c.end : c.start;
    const ls = c.lines.map((l) => `  - { license: figma, tier: ${l.tier}, quantity: ${l.quantity}, unit_price: "${l.price}", price_period: ${l.period} }`).join('\n');
    out[`inventory/contracts/c${i}.yaml`] = `id: c${i}\nvendor: figma\ncurrency: ${c.currency}\nstart: ${start}\n${c.end ? `end: ${c.end}\n` : ''}auto_renew: ${c.autoRenew}\nlines:\n${ls}\n`;
  });
  return modelFiles(out);
}

describe('extreme valid values', () => {
  it('report, renewals, reclaim and period spend: no crash, exact sums', async () => {
    await fc.assert(fc.asyncProperty(org, fc.array(contract, { minLength: 1, maxLength: 3 }), async (o, cs) => {
      const { inventory: inv, findings } = await loadInventory(memorySource(repoFiles(o, cs)));
      expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
      const report = buildReport(inv, TODAY);
      const total = report.totals.annualCost.value;
      for (const rows of [report.departments, report.costCentres, report.vendors]) expect(sum(rows.map((r) => r.annualCost.value))).toBe(total);
      // lac diff's cost before and after is the same total.
      expect(annualTotal(inv, TODAY)).toBe(total);
      for (const r of report.departments) expect(sum(Object.values(r.licenses).map((f) => f.value))).toBe(r.annualCost.value);
      for (const f of REPORT_FORMATS) expect(formatReport(report, f).length).toBeGreaterThan(0);
      for (const r of planRenewals(inv, TODAY)) {
        if (!r.cost) continue;
        expect(sum(r.lines.map((l) => l.currentCost!))).toBe(r.cost.current);
        for (const l of r.lines) expect(l.currentCost! % minorUnit(o.currency)).toBe(0n);
      }
      const reclaim = reclaimPlan(inv, TODAY);
      // Each seat's saving is whole minor units, so the seats shown add up to the total shown.
      for (const l of reclaim.licenses) for (const c of l.candidates) expect(c.annual % minorUnit(o.currency)).toBe(0n);
      expect(sum(reclaim.licenses.flatMap((l) => l.candidates.map((c) => c.annual)))).toBe(reclaim.annual);
      const h = currentHoldings(inv);
      const year = periodSpend(inv, fiscalYear(2026), h);
      expect(sum(fiscalMonths(2026).map((m) => periodSpend(inv, m, h).total))).toBe(year.total);
      // Without the chargeback (the forecast's back-test), the same lines and totals.
      for (const p of [fiscalYear(2026), ...fiscalMonths(2026)]) {
        const { lines, licenses, vendors, total, totalUnknown } = periodSpend(inv, p, h);
        expect(periodTotals(inv, p)).toEqual({ lines, licenses, vendors, total, ...(totalUnknown ? { totalUnknown } : {}) });
      }
      expect(sum(year.departments.map((r) => r.amount))).toBe(year.total);
      expect(formatPeriod(year, 'csv').length).toBeGreaterThan(0);
    }), { numRuns: 40 });
  }, 120_000);

  it('ten million seats at the highest price: every command answers with exit 0 or 1 and no stack trace, to the cent', async () => {
    const dir = tempRepo(repoFiles({ currency: 'EUR', rates: { USD: '1000000000' } }, [
      { currency: 'USD', start: '2026-01-01', end: '2026-12-31', autoRenew: true, lines: [{ tier: 'full', quantity: 10_000_000, price: '1000000000', period: 'month' }, { tier: 'viewer', quantity: 4294967, price: '0.000001', period: 'year' }] },
    ]));
    try {
      for (const args of [['report'], ['report', '--format', 'json'], ['report', '--period', '2026-Q1'], ['renewals'], ['reclaim', '--dry-run'], ['check']]) {
        const r = await lac([...args, '--root', dir, '--today', TODAY]);
        expect([0, 1], `${args.join(' ')}: ${r.stderr}`).toContain(r.code);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      }
      // 10,000,000 × 1,000,000,000 USD a month × 12 × 1,000,000,000 EUR per USD, to the cent.
      const csv = (await lac(['report', '--root', dir, '--today', TODAY, '--format', 'csv'])).stdout;
      expect(csv).toContain(',120000000000000000000000000.00,');
    } finally {
      cleanup(dir);
    }
  }, 120_000);

  it('lac check refuses a quantity over 10,000,000 at its line', async () => {
    const dir = tempRepo(repoFiles({ currency: 'EUR', rates: {} }, [{ currency: 'EUR', start: '2026-01-01', end: '2026-12-31', autoRenew: false, lines: [{ tier: 'full', quantity: 150_000_000, price: '1', period: 'year' }] }]));
    try {
      const r = await lac(['check', '--root', dir, '--today', TODAY]);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^inventory\/contracts\/c0\.yaml:8:45\s+error\s+schema\s+lines\[0\]\.quantity is 150000000: expected a whole number of seats from 0 to 10000000, or "unlimited"$/m);
    } finally {
      cleanup(dir);
    }
  });
});
