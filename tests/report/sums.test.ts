// Every shown sum adds up to the minor unit: each CSV download of the site and `lac report`
// (annual and per period, CSV and JSON) is read back with a CSV parser, and every column that
// claims a total is checked against the sum of its rows, on the example inventory and on
// generated organizations (src/synth).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { annualTotal } from '../../src/analysis/report/total.ts';
import { loadInventory } from '../../src/inventory/load.ts';
import { fsSource } from '../../src/inventory/source.ts';
import { bodyText, downloads } from '../../src/site/downloads.ts';
import { buildSiteInput } from '../../src/site/input.ts';
import { siteFromInput } from '../../src/site/site-data.ts';
import { synthesizeTo } from '../../src/synth/index.ts';
import { parseCsv, rowRecord } from '../../src/usage/http/csv.ts';
import { parseAmount, sum } from '../../src/util/money.ts';
import { cleanup, lac, REPO_ROOT } from '../support/cli.ts';

type Row = Record<string, string>;
const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

const rowsOf = (text: string): Row[] => {
  const t = parseCsv(text);
  return t.rows.map((r) => rowRecord(t.header, r));
};
const amount = (s: string | undefined) => parseAmount(!s ? '0' : s.replace(/,/g, ''));
const col = (rows: Row[], prefix: string) => {
  const key = Object.keys(rows[0] ?? {}).find((k) => k.startsWith(prefix));
  if (!key && rows.length) throw new Error(`no column ${prefix} in ${Object.keys(rows[0]!).join(', ')}`);
  return key!;
};
const total = (rows: Row[], prefix: string) => sum(rows.map((r) => amount(r[col(rows, prefix)])));
/** Sums of a money column per value of another column. */
const grouped = (rows: Row[], by: string, prefix: string) => {
  const out = new Map<string, bigint>();
  for (const r of rows) out.set(r[by]!, (out.get(r[by]!) ?? 0n) + amount(r[col(rows, prefix)]));
  return nonZero(out);
};
// A row of 0 (a license with no tier in force) has no rows under it to sum.
const nonZero = (m: Map<string, bigint>) => new Map([...m].filter(([, v]) => v !== 0n));
const byKey = (rows: Row[], key: string, prefix: string) => nonZero(new Map(rows.map((r) => [r[key]!, amount(r[col(rows, prefix)])])));
const section = (rows: Row[], name: string) => rows.filter((r) => r.section === name);

async function checkSite(root: string, today: string): Promise<number> {
  const site = siteFromInput(await buildSiteInput({ root, today }));
  const csv = new Map(downloads(site).filter((d) => d.path.startsWith('csv/')).map((d) => [d.path.slice(4, -4), rowsOf(bodyText(d))]));
  const t = (id: string) => csv.get(id) ?? [];
  const spend = total(t('licenses'), 'Annual cost');
  let checked = 0;
  const same = (a: unknown, b: unknown, what: string) => {
    expect(a, what).toEqual(b);
    checked++;
  };
  same(total(t('vendors'), 'Annual cost'), spend, 'vendors = licenses');
  for (const id of ['chargeback-departments', 'chargeback-cost-centres']) {
    same(total(t(id), 'Annual cost'), spend, `${id} = annual spend`);
    same(total(t(id), 'Waste'), total(t('licenses'), 'Waste'), `${id} waste = licenses' waste`);
  }
  same(grouped(t('chargeback-by-license'), 'Department', 'Annual cost'), byKey(t('chargeback-departments'), 'Department', 'Annual cost'), 'departments by license = departments');
  same(grouped(t('chargeback-by-cost-centre'), 'Department', 'Annual cost'), byKey(t('chargeback-departments'), 'Department', 'Annual cost'), 'departments by cost centre = departments');
  const byLicense = grouped(t('chargeback-by-license'), 'License', 'Annual cost');
  for (const l of site.model.licenses) {
    const row = t('licenses').find((r) => r.License === l.name)!;
    same(total(t(`license-${l.id}-tiers`), 'Annual cost'), amount(row[col([row], 'Annual cost')]), `tiers of ${l.id} = its row`);
    same(byLicense.get(l.name) ?? 0n, amount(row[col([row], 'Annual cost')]), `departments' ${l.id} = its row`);
  }
  for (const v of site.model.vendors) same(total(t(`vendor-${v.id}-licenses`), 'Annual cost'), amount(v.annualCost), `licenses of vendor ${v.id} = the vendor`);
  for (const snap of site.model.snapshots) same(total(t(`at-${snap.date}-licenses`), 'Annual cost'), amount(snap.annualCost), `licenses on ${snap.date} = that day's spend`);
  for (const c of site.model.contracts.filter((x) => x.currency === site.model.org.currency)) same(total(t(`contract-${c.id}-lines`), 'Annual cost'), amount(c.annualCost), `lines of ${c.id} = the contract`);
  for (const y of site.model.spend) {
    const year = amount(y.total);
    for (const part of ['months', 'departments', 'cost-centres', 'licenses', 'vendors', 'lines']) same(total(t(`spend-${y.year}-${part}`), 'Spend'), year, `FY${y.year} ${part} = year`);
    same(grouped(t(`spend-${y.year}-by-license`), 'Department', 'Spend'), byKey(t(`spend-${y.year}-departments`), 'Department', 'Spend'), `FY${y.year} departments by license = departments`);
    for (const mo of y.months) for (const part of ['departments', 'cost-centres']) same(total(t(`spend-${mo.label}-${part}`), 'Spend'), amount(mo.total), `${mo.label} ${part} = month`);
    // Each department's months add up to its year.
    same(grouped(y.months.flatMap((mo) => t(`spend-${mo.label}-departments`)), 'Key', 'Spend'), byKey(t(`spend-${y.year}-departments`), 'Key', 'Spend'), `FY${y.year} departments' months = their year`);
  }
  return checked;
}

async function checkReport(root: string, today: string): Promise<void> {
  const rows = rowsOf((await lac(['report', '--root', root, '--today', today, '--format', 'csv'])).stdout);
  const totalRow = section(rows, 'total')[0]!;
  for (const money of ['annual_cost', 'waste']) {
    const whole = amount(totalRow[money]);
    for (const s of ['tier', 'license', 'department', 'cost-centre', 'vendor']) expect(total(section(rows, s), money), `${s} ${money}`).toBe(whole);
    expect(grouped(section(rows, 'tier'), 'license', money)).toEqual(byKey(section(rows, 'license'), 'license', money));
  }
  for (const s of ['department-license', 'department-cost-centre']) expect(grouped(section(rows, s), 'group', 'annual_cost'), s).toEqual(byKey(section(rows, 'department'), 'group', 'annual_cost'));

  const json = JSON.parse((await lac(['report', '--root', root, '--today', today, '--format', 'json'])).stdout) as {
    totals: { annualCost: { value: string } }; licenses: { totals: { annualCost: { value: string } }; tiers: { annualCost: { value: string } }[] }[];
    departments: { annualCost: { value: string }; licenses: Record<string, { value: string }> }[]; costCentres: { annualCost: { value: string } }[]; vendors: { annualCost: { value: string } }[];
  };
  const whole = amount(json.totals.annualCost.value);
  expect(annualTotal((await loadInventory(fsSource(root))).inventory, today), 'lac diff\'s total').toBe(whole);
  const v = (xs: { annualCost: { value: string } }[]) => sum(xs.map((x) => amount(x.annualCost.value)));
  expect([v(json.licenses.map((l) => l.totals)), v(json.departments), v(json.costCentres), v(json.vendors)]).toEqual([whole, whole, whole, whole]);
  for (const l of json.licenses) expect(v(l.tiers)).toBe(amount(l.totals.annualCost.value));
  for (const d of json.departments) expect(sum(Object.values(d.licenses).map((f) => amount(f.value)))).toBe(amount(d.annualCost.value));

  for (const p of ['2026', '2026-Q3', '2026-07']) {
    const prow = rowsOf((await lac(['report', '--root', root, '--period', p, '--format', 'csv'])).stdout);
    const ptotal = amount(section(prow, 'total')[0]!.spend);
    for (const s of ['line', 'license', 'vendor', 'department', 'cost-centre']) expect(total(section(prow, s), 'spend'), `${p} ${s}`).toBe(ptotal);
    for (const s of ['department-license', 'department-cost-centre']) expect(grouped(section(prow, s), 'group', 'spend'), `${p} ${s}`).toEqual(byKey(section(prow, 'department'), 'group', 'spend'));
  }
}

describe('every shown sum adds up exactly', () => {
  it('on the example inventory: site CSV downloads and lac report', async () => {
    expect(await checkSite(REPO_ROOT, '2026-12-01')).toBeGreaterThan(40);
    await checkReport(REPO_ROOT, '2026-12-01');
  }, 120_000);

  it.each([1, 7])('on a generated organization (seed %s)', async (seed) => {
    const root = mkdtempSync(join(tmpdir(), 'lac-sums-'));
    dirs.push(root);
    await synthesizeTo(root, { people: 400, seed });
    expect(await checkSite(root, '2026-11-23')).toBeGreaterThan(20);
    await checkReport(root, '2026-11-23');
  }, 120_000);
});
