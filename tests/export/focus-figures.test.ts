// Exact FOCUS rows of a small organization, worked out by hand.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lac, tempRepo } from '../support/cli.ts';
import { csvDataset } from '../support/focus-check.ts';
import { ORG, PEOPLE } from '../support/inventory.ts';

const license = (id: string, type: string, tier: string, extra = '') => `id: ${id}\nname: ${id.toUpperCase()}\nvendor: acme\ntype: ${type}\ntiers:\n  - { id: ${tier}, name: ${tier}${extra} }\n`;
const contract = (id: string, currency: string, start: string, end: string | null, line: string) =>
  `id: ${id}\nvendor: acme\ncurrency: ${currency}\nstart: ${start}\n${end ? `end: ${end}\n` : ''}lines:\n  - ${line}\n`;
const seats = (lic: string, tier: string, list: Array<[string, string]>) => `license: ${lic}\nseats:\n${list.map(([p, since]) => `  - { person: ${p}, tier: ${tier}, since: ${since} }\n`).join('')}`;

const root = tempRepo({
  'inventory/org.yaml': ORG,
  'inventory/people.yaml': PEOPLE,
  'inventory/vendors/acme.yaml': 'id: acme\nname: Acme Software Ltd\naccount_id: ACME-42\n',
  // 10 seats at 12.00 a month for 12 months; the list price is 180.00 a seat and year.
  'inventory/licenses/tool.yaml': license('tool', 'subscription', 'std', ', list_price: "180.00"'),
  'inventory/contracts/tool-2026.yaml': contract('tool-2026', 'EUR', '2026-01-01', '2026-12-31', '{ license: tool, tier: std, quantity: 10, unit_price: "12.00", price_period: month }'),
  'inventory/assignments/tool.yaml': seats('tool', 'std', [['ada', '2026-01-01'], ['bob', '2026-01-01']]),
  // One seat at 1,200.00 a year from 15 March: March holds 17 of the first year's 365 days.
  'inventory/licenses/cad.yaml': license('cad', 'named-user', 'seat'),
  'inventory/contracts/cad-2026.yaml': contract('cad-2026', 'EUR', '2026-03-15', '2027-03-14', '{ license: cad, tier: seat, quantity: 1, unit_price: "1200.00" }'),
  'inventory/assignments/cad.yaml': seats('cad', 'seat', [['ada', '2026-03-15']]),
  // Five seats at 100.00 USD a year (org rate 0.90 EUR), one held by Bob.
  'inventory/licenses/saas.yaml': license('saas', 'subscription', 't'),
  'inventory/contracts/saas-2026.yaml': contract('saas-2026', 'USD', '2026-01-01', '2026-12-31', '{ license: saas, tier: t, quantity: 5, unit_price: "100.00" }'),
  'inventory/assignments/saas.yaml': seats('saas', 't', [['bob', '2026-01-01']]),
  // Two perpetual seats bought once on 10 March, held by nobody.
  'inventory/licenses/perp.yaml': license('perp', 'perpetual', 'p'),
  'inventory/contracts/perp-2026.yaml': contract('perp-2026', 'EUR', '2026-03-10', null, '{ license: perp, tier: p, quantity: 2, unit_price: "500.00", price_period: one-time }'),
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const COLUMNS = ['x_LacContractId', 'x_LacDepartment', 'x_LacCostCentre', 'BilledCost', 'ListCost', 'BillingCurrency', 'PricingQuantity', 'x_LacReportCost', 'ChargeFrequency'] as const;
async function rows(...period: string[]) {
  const r = await lac(['export', 'focus', '--root', root, ...period]);
  expect([r.code, r.stderr]).toEqual([0, '']);
  return csvDataset(r.stdout).rows;
}

describe('lac export focus figures', () => {
  it('shares a month of 10 seats at 12.00 by seat-days, at the contract price and at the list price', async () => {
    const feb = await rows('--period', '2026-02');
    // 120.00 over 280 seat-days: Ada 28, Bob 28, the 8 seats nobody holds 224. List: 1,800.00 a year accrued
    // to 1 March (290.96) less to 1 February (152.88) = 138.08, shared 13.81 + 13.81 + 110.46 by largest remainder.
    expect(feb.filter((r) => r.x_LacContractId === 'tool-2026').map((r) => COLUMNS.map((c) => r[c]))).toEqual([
      ['tool-2026', '(unassigned)', '(unassigned)', '96.00', '110.46', 'EUR', '224', '96.00', 'Recurring'],
      ['tool-2026', 'eng', 'CC-100', '12.00', '13.81', 'EUR', '28', '12.00', 'Recurring'],
      ['tool-2026', 'sales', 'CC-200', '12.00', '13.81', 'EUR', '28', '12.00', 'Recurring'],
    ]);
    const eng = feb.find((r) => r.x_LacDepartment === 'eng' && r.x_LacContractId === 'tool-2026')!;
    expect(eng).toMatchObject({
      ChargePeriodStart: '2026-02-01T00:00:00Z', ChargePeriodEnd: '2026-03-01T00:00:00Z', BillingPeriodStart: '2026-02-01T00:00:00Z', BillingPeriodEnd: '2026-03-01T00:00:00Z',
      ChargeCategory: 'Purchase', ChargeClass: null, ConsumedQuantity: null, PricingUnit: 'Seat-Days', EffectiveCost: '12.00', ContractedCost: '12.00',
      BillingAccountId: 'ACME-42', ProviderName: 'Acme Software Ltd', PublisherName: 'Acme Software Ltd', InvoiceIssuerName: 'Acme Software Ltd',
      ServiceName: 'TOOL', ServiceCategory: 'Business Applications', SkuId: 'tool/std', SkuPriceId: 'tool/std@tool-2026#0',
      Tags: '{"lac:department":"eng","lac:cost-centre":"CC-100"}', x_LacUnitPrice: '12.00', x_LacPricePeriod: 'month', x_LacSeats: '10', x_LacSourceFile: 'inventory/contracts/tool-2026.yaml',
    });
  });

  it('charges a contract that starts mid-month, one in USD in its own currency, and a one-time purchase', async () => {
    const mar = await rows('--period', '2026-03');
    const pick = (id: string) => mar.filter((r) => r.x_LacContractId === id).map((r) => COLUMNS.map((c) => r[c]));
    // 1,200.00 × 17 / 365 = 55.89, all Ada's (17 seat-days); no list price, so ListCost is the contract's.
    expect(pick('cad-2026')).toEqual([['cad-2026', 'eng', 'CC-100', '55.89', '55.89', 'EUR', '17', '55.89', 'Recurring']]);
    // 500.00 USD a year: 123.29 accrued to 1 April less 80.82 to 1 March = 42.47 USD, Bob 31 of 155 seat-days;
    // in EUR at 0.90: 110.96 − 72.74 = 38.22, shared the same way.
    expect(pick('saas-2026')).toEqual([
      ['saas-2026', '(unassigned)', '(unassigned)', '33.98', '33.98', 'USD', '124', '30.58', 'Recurring'],
      ['saas-2026', 'sales', 'CC-200', '8.49', '8.49', 'USD', '31', '7.64', 'Recurring'],
    ]);
    // 2 × 500.00 on the first day; 2 seats × 22 days held by nobody.
    expect(pick('perp-2026')).toEqual([['perp-2026', '(unassigned)', '(unassigned)', '1000.00', '1000.00', 'EUR', '44', '1000.00', 'One-Time']]);
    expect((await rows('--period', '2026-04')).filter((r) => r.x_LacContractId === 'perp-2026')).toEqual([]);
  });

  it('defaults to the last whole month before --today, and writes --out', async () => {
    const r = await lac(['export', 'focus', '--root', root, '--today', '2026-03-05', '--out', 'focus.csv'], { cwd: root });
    expect([r.code, r.stderr]).toEqual([0, 'lac: wrote 5 FOCUS rows for 2026-02 (2026-02-01 to 2026-02-28) to focus.csv\n']);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(root, 'focus.csv'), 'utf8')).toBe((await lac(['export', 'focus', '--root', root, '--period', '2026-02'])).stdout);
    const env = await lac(['export', 'focus', '--root', root, '--out', 'focus.csv'], { cwd: root, env: { LAC_TODAY: '2026-04-30' } });
    expect(env.stderr).toBe('lac: wrote 7 FOCUS rows for 2026-03 (2026-03-01 to 2026-03-31) to focus.csv\n');
    const bad = await lac(['export', 'focus', '--root', root, '--format', 'xlsx']);
    expect([bad.code, bad.stderr]).toEqual([2, 'lac: --format xlsx is not one of csv, json, parquet\n  hint: e.g. --format csv\n']);
    const month = await lac(['export', 'focus', '--root', root, '--period', '2026-13']);
    expect([month.code, month.stderr.split('\n')[0]]).toEqual([2, 'lac: --period 2026-13 is not a fiscal year (2025), a fiscal quarter (2026-Q3) or a month (2026-07)']);
    const both = await lac(['export', 'focus', '--root', root, '--period', '2026', '--from', '2026-01-01']);
    expect([both.code, both.stderr.split('\n')[0]]).toEqual([2, 'lac: --period does not combine with --from/--to']);
  });
});
