// `lac export focus` against the FOCUS 1.2 column rules kept as data (src/export/focus/columns-1.2.json,
// transcribed from specification/columns/*.md of FinOps-Open-Cost-and-Usage-Spec/FOCUS_Spec at tag v1.2).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitText } from '../../src/git/run.ts';
import { synthesizeTo } from '../../src/synth/index.ts';
import { lac, REPO_ROOT } from '../support/cli.ts';
import { checkFocus, csvDataset, parseCsv, RULES } from '../support/focus-check.ts';

let synth: string;
beforeAll(async () => {
  synth = mkdtempSync(join(tmpdir(), 'lac-focus-'));
  await synthesizeTo(synth, { people: 300, seed: 3 });
}, 120_000);
afterAll(() => rmSync(synth, { recursive: true, force: true }));

async function exportCsv(root: string, ...args: string[]) {
  const r = await lac(['export', 'focus', '--root', root, '--today', '2026-11-23', ...args]);
  expect(r.code).toBe(0);
  // The generated organization has a contract in a currency without an exchange rate (src/synth/problems.ts).
  expect(r.stderr).toMatch(/^(lac: warning: [^\n]*: no exchange rate for [A-Z]{3} in org.yaml[^\n]*\n)*$/);
  return csvDataset(r.stdout);
}

describe('the column rules data', () => {
  it('holds every column of FOCUS 1.2, with the 21 Mandatory ones and their constraints', () => {
    expect(RULES.tag).toBe('v1.2');
    expect(RULES.columns).toHaveLength(57);
    expect(RULES.columns.filter((c) => c.featureLevel === 'Mandatory').map((c) => c.name)).toEqual([
      'BilledCost', 'BillingAccountId', 'BillingAccountName', 'BillingCurrency', 'BillingPeriodEnd', 'BillingPeriodStart', 'ChargeCategory', 'ChargeClass', 'ChargeDescription',
      'ChargePeriodEnd', 'ChargePeriodStart', 'ContractedCost', 'EffectiveCost', 'InvoiceIssuerName', 'ListCost', 'PricingQuantity', 'PricingUnit', 'ProviderName', 'PublisherName', 'ServiceCategory', 'ServiceName',
    ]);
    expect(RULES.columns.find((c) => c.name === 'BilledCost')).toMatchObject({ columnType: 'Metric', dataType: 'Decimal', allowsNulls: false });
    expect(RULES.columns.find((c) => c.name === 'ChargeCategory')!.allowedValues).toEqual(['Usage', 'Purchase', 'Tax', 'Credit', 'Adjustment']);
    for (const c of RULES.columns) expect(c.source).toMatch(new RegExp(`^specification/columns/[a-z]+\\.md@${RULES.commit}$`));
  });
});

describe('lac export focus conforms to FOCUS 1.2', () => {
  it.each([['the example inventory', ''], ['a generated organization', 'synth']])('on %s, for a year, a quarter, a month and a range', async (_name, which) => {
    const root = which ? synth : REPO_ROOT;
    for (const period of [['--period', '2026'], ['--period', '2026-Q3'], [], ['--from', '2026-02-10', '--to', '2026-03-05']]) {
      const { columns, rows } = await exportCsv(root, ...period);
      expect(rows.length, period.join(' ')).toBeGreaterThan(10);
      expect(checkFocus(columns, rows), period.join(' ')).toEqual([]);
    }
  }, 120_000);

  it('writes JSON with the same rows and decimals as strings', async () => {
    const csv = await exportCsv(REPO_ROOT, '--period', '2026-Q3');
    const json = JSON.parse((await lac(['export', 'focus', '--root', REPO_ROOT, '--period', '2026-Q3', '--format', 'json'])).stdout) as { focusVersion: string; columns: string[]; rows: Array<Record<string, string | null>> };
    expect(json.focusVersion).toBe('1.2');
    expect(json.columns).toEqual(csv.columns);
    expect(checkFocus(json.columns, json.rows)).toEqual([]);
    expect(json.rows.map((r) => r.BilledCost)).toEqual(csv.rows.map((r) => r.BilledCost));
  });
});

describe('provenance', () => {
  it('names the commit read, and each row\'s contract file and line', async () => {
    const head = (await gitText(REPO_ROOT, ['rev-parse', 'HEAD'])).trim();
    const { rows } = await exportCsv(REPO_ROOT, '--period', '2026-10', '--at', 'HEAD');
    expect(new Set(rows.map((r) => r.x_LacCommit))).toEqual(new Set([head]));
    for (const r of rows) expect(r.x_LacSourceFile).toBe(`inventory/contracts/${r.x_LacContractId}.yaml`);
    expect(rows.every((r) => Number(r.x_LacSourceLine) > 0)).toBe(true);
  });
});

describe('the checker fails a dataset that breaks a rule', () => {
  let data: ReturnType<typeof csvDataset>;
  beforeAll(async () => {
    data = await exportCsv(REPO_ROOT, '--period', '2026-10');
  });
  const mutated = (f: (r: Record<string, string | null>) => void) => data.rows.map((r, i) => { const c = { ...r }; if (i === 0) f(c); return c; });

  it('reports each Mandatory column that is missing', () => {
    for (const c of RULES.columns.filter((x) => x.featureLevel === 'Mandatory')) {
      const columns = data.columns.filter((x) => x !== c.name);
      expect(checkFocus(columns, data.rows.map(({ [c.name]: _, ...rest }) => rest))).toContain(`missing Mandatory column ${c.name} (${c.source})`);
    }
  });

  it('reports wrong types, nulls, values and conditional nullability', () => {
    const cases: Array<[(r: Record<string, string | null>) => void, string]> = [
      [(r) => (r.BilledCost = null), 'row 1 BilledCost: null, and the column allows no nulls'],
      [(r) => (r.BilledCost = '1,50'), 'row 1 BilledCost: not a Decimal in NumericFormat: 1,50'],
      [(r) => (r.ListCost = '+3'), 'row 1 ListCost: not a Decimal in NumericFormat: +3'],
      [(r) => (r.ChargePeriodStart = '2026-10-01'), 'row 1 ChargePeriodStart: not a UTC date/time YYYY-MM-DDTHH:mm:ssZ: 2026-10-01'],
      [(r) => (r.BillingPeriodEnd = '2026-02-30T00:00:00Z'), 'row 1 BillingPeriodEnd: not a UTC date/time YYYY-MM-DDTHH:mm:ssZ: 2026-02-30T00:00:00Z'],
      [(r) => (r.ChargeCategory = 'Subscription'), 'row 1 ChargeCategory: Subscription is not an allowed value'],
      [(r) => (r.BillingCurrency = 'euro'), 'row 1 BillingCurrency: not an ISO 4217 code: euro'],
      [(r) => (r.Tags = '["a"]'), 'row 1 Tags: not a JSON object: ["a"]'],
      [(r) => (r.Tags = '{"a":{"b":1}}'), 'row 1 Tags: a value is an object or array: {"a":{"b":1}}'],
      [(r) => ((r.ConsumedQuantity = '3'), (r.ConsumedUnit = 'Seat-Days')), 'row 1 ConsumedQuantity: 3, and must be null when [[{"column":"ChargeCategory","notIn":["Usage"]}],[{"column":"ChargeCategory","in":["Usage"]},{"column":"CommitmentDiscountStatus","in":["Unused"]}]]'],
      [(r) => (r.PricingUnit = null), 'row 1 PricingUnit: null, and must not be when [[{"column":"PricingQuantity","null":false}]]'],
      [(r) => (r.SkuId = null), 'row 1 SkuId: null, and must not be when [[{"column":"ChargeCategory","in":["Usage","Purchase"]},{"column":"ChargeClass","notIn":["Correction"]}]]'],
      [(r) => (r.ChargeFrequency = 'Usage-Based'), 'row 1 ChargeFrequency: Usage-Based is not allowed when [{"column":"ChargeCategory","in":["Purchase"]}]'],
      [(r) => (r.ServiceSubcategory = 'Other (Developer Tools)'), 'row 1 ServiceSubcategory: Other (Developer Tools) belongs to ServiceCategory Developer Tools'],
    ];
    expect(data.rows[0]!.ChargeCategory).toBe('Purchase');
    expect(data.rows[0]!.ServiceCategory).toBe('Security');
    for (const [f, problem] of cases) expect(checkFocus(data.columns, mutated(f))).toEqual([problem]);
  });

  it('reports a custom column without the x_ prefix, or placed before a FOCUS column', () => {
    expect(checkFocus([...data.columns, 'LacNote'], data.rows)).toContain('column LacNote is neither FOCUS 1.2 nor prefixed x_');
    expect(checkFocus(['x_Lac', ...data.columns], data.rows)).toContain('FOCUS column BilledCost after a custom column');
  });

  it('reads CSV strictly: a stray quote or a short record is an error', () => {
    expect(parseCsv('a,"b ""c"", d"\r\n1,2\r\n')).toEqual([['a', 'b "c", d'], ['1', '2']]);
    expect(() => parseCsv('a,b\r\n1,x"y\r\n')).toThrow('a quote inside an unquoted field');
    expect(() => parseCsv('a,b\r\n1\r\n')).toThrow('record 2 has 1 fields, the header 2');
    expect(() => parseCsv('a,"b\r\n')).toThrow('unterminated quoted field');
  });
});
