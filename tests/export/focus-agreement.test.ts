// `lac export focus` and `lac report --period` give the same spend to the minor unit: in total,
// per contract line, per department and per cost centre.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesizeTo } from '../../src/synth/index.ts';
import { lac, REPO_ROOT } from '../support/cli.ts';
import { csvDataset } from '../support/focus-check.ts';

let synth: string;
beforeAll(async () => {
  synth = mkdtempSync(join(tmpdir(), 'lac-focus-sum-'));
  await synthesizeTo(synth, { people: 300, seed: 8 });
}, 120_000);
afterAll(() => rmSync(synth, { recursive: true, force: true }));

/** "1234.50" → 123450n (hundredths: every currency here has two decimals or none). */
const cents = (s: string): bigint => {
  const [i, f = ''] = s.split('.');
  return BigInt(`${i}${f.padEnd(2, '0')}`);
};
/** Sums of amounts per key, zero sums left out; null amounts (unknown) are skipped. */
const byKey = (pairs: Array<[string, string | null | undefined]>): Record<string, bigint> => {
  const m = new Map<string, bigint>();
  for (const [k, v] of pairs) if (v !== null && v !== undefined) m.set(k, (m.get(k) ?? 0n) + cents(v));
  return Object.fromEntries([...m].filter(([, v]) => v !== 0n).sort(([a], [b]) => (a < b ? -1 : 1)));
};

interface Report { currency: string; total: string; lines: Array<{ contract: string; line: number; amount: string; unknown?: string }>; departments: Array<{ key: string; amount: string }>; costCentres: Array<{ key: string; amount: string }> }

describe('lac export focus agrees with lac report --period', () => {
  it.each([['the example inventory', ''], ['a generated organization', 'synth']])('on %s', async (_name, which) => {
    const root = which ? synth : REPO_ROOT;
    for (const period of [['--period', '2026'], ['--period', '2026-Q2'], ['--period', '2026-10'], ['--from', '2025-12-20', '--to', '2026-01-10']]) {
      const report = JSON.parse((await lac(['report', '--root', root, ...period, '--format', 'json'])).stdout) as Report;
      const { rows } = csvDataset((await lac(['export', 'focus', '--root', root, ...period])).stdout);
      const what = `${root} ${period.join(' ')}`;
      const known = report.lines.filter((l) => !l.unknown);
      // Every figure of the report in the org currency, and each FOCUS BilledCost where the contract is in it.
      expect(byKey(rows.map((r) => ['total', r.x_LacReportCost])), what).toEqual(byKey(known.map((l) => ['total', l.amount])));
      if (known.length === report.lines.length) expect(byKey(rows.map((r) => ['total', r.x_LacReportCost])), what).toEqual({ total: cents(report.total) });
      expect(byKey(rows.map((r) => [`${r.x_LacContractId}#${r.x_LacContractLine}`, r.x_LacReportCost])), what).toEqual(byKey(known.map((l) => [`${l.contract}#${l.line}`, l.amount])));
      expect(byKey(rows.map((r) => [r.x_LacDepartment!, r.x_LacReportCost])), what).toEqual(byKey(report.departments.map((d) => [d.key, d.amount])));
      expect(byKey(rows.map((r) => [r.x_LacCostCentre!, r.x_LacReportCost])), what).toEqual(byKey(report.costCentres.map((d) => [d.key, d.amount])));
      const home = rows.filter((r) => r.BillingCurrency === report.currency);
      expect(home.length, what).toBeGreaterThan(0);
      for (const r of home) expect([r.BilledCost, r.EffectiveCost], what).toEqual([r.x_LacReportCost, r.x_LacReportCost]);
    }
  }, 120_000);

  it('on the example, a year is its twelve months, row by row', async () => {
    const year = csvDataset((await lac(['export', 'focus', '--root', REPO_ROOT, '--period', '2026'])).stdout).rows;
    const months = [];
    for (let m = 1; m <= 12; m++) months.push(...csvDataset((await lac(['export', 'focus', '--root', REPO_ROOT, '--period', `2026-${String(m).padStart(2, '0')}`])).stdout).rows);
    expect(months).toEqual(year);
  }, 120_000);
});
