import { afterEach, describe, expect, it } from 'vitest';
import { expensesDiscovery } from '../../src/discover/sources/expenses/index.ts';
import { parseExpenseAmount } from '../../src/discover/sources/expenses/amount.ts';
import type { DiscoveryContext } from '../../src/discover/types.ts';
import { cleanup, tempRepo } from '../support/cli.ts';
import { rejection } from '../usage/helpers.ts';

let dir: string | undefined;
let dir2 = '';
afterEach(() => {
  if (dir) cleanup(dir);
  dir = undefined;
});

const ctx = (root: string, config: Record<string, unknown>): DiscoveryContext => ({
  config, env: {}, today: '2026-11-20', fetch: globalThis.fetch, root, workDomains: [], currency: 'EUR', rates: { USD: '0.90' },
});

// Ramp's card transaction export: Date, Merchant, Amount, Currency, User (ISO dates).
const RAMP = [
  'Date,Merchant,Amount,Currency,User,Category',
  '2026-09-02,FIGMA INC,"$540.00",USD,ada@example.com,Software',
  '2026-10-02,SQ *FIGMA INC,540.00,USD,ada@example.com,Software',
  '2026-10-15,CALENDLY 844-555-0100,12.00,EUR,bob@example.com,Software',
  '2026-11-15,CALENDLY 844-555-0100,12.00,EUR,bob@example.com,Software',
  '2026-11-16,CALENDLY 844-555-0100,(12.00),EUR,bob@example.com,Software',
  '2026-05-01,NOTION LABS,96.00,EUR,cy@example.com,Software',
  '',
].join('\r\n');

describe('expense and card exports', () => {
  it('reads the Ramp preset: merchants cleaned and grouped, 90-day spend in the org currency, refunds subtracted, recurring by month', async () => {
    dir = tempRepo({ 'exports/ramp.csv': RAMP });
    const result = await expensesDiscovery().pull(ctx(dir, { path: 'exports/ramp.csv', preset: 'ramp' }));
    expect(result.apps).toEqual([
      { app: 'figma-inc', name: 'FIGMA INC', users: 1, firstSeen: '2026-09-02', lastSeen: '2026-10-02', spend90d: 972_000_000n, recurring: true },
      { app: 'calendly', name: 'CALENDLY', users: 1, firstSeen: '2026-10-15', lastSeen: '2026-11-16', spend90d: 12_000_000n, recurring: true },
      { app: 'notion-labs', name: 'NOTION LABS', users: 1, firstSeen: '2026-05-01', lastSeen: '2026-05-01', spend90d: 0n },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads the SAP Concur preset with US dates, a semicolon delimiter and decimal commas as configured (UTF-16 export)', async () => {
    const text = ['Transaction Date;Vendor;Amount;Currency;Employee', '10/01/2026;Miro;1.234,50 €;EUR;Ada Lovelace', '11/01/2026;Miro;1.234,50;EUR;Bob Byte', ''].join('\n');
    dir = tempRepo({ 'exports/concur.csv': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) });
    const result = await expensesDiscovery().pull(ctx(dir, { path: 'exports/concur.csv', preset: 'concur', delimiter: ';', decimal: ',' }));
    expect(result.apps).toEqual([{ app: 'miro', name: 'Miro', users: 2, firstSeen: '2026-10-01', lastSeen: '2026-11-01', spend90d: 2_469_000_000n, recurring: true }]);
  });

  it('refuses a cell it cannot read with the file and line named, never a wrong amount', async () => {
    dir = tempRepo({ 'exports/ramp.csv': 'Date,Merchant,Amount,Currency,User\n2026-10-01,Miro,12.00,EUR,ada\n2026-10-02,Miro,12.000.00,EUR,ada\n' });
    const error = await rejection(expensesDiscovery().pull(ctx(dir, { path: 'exports/ramp.csv', preset: 'ramp' })));
    expect(error.message).toBe('exports/ramp.csv:3: amount "12.000.00" in column "Amount" cannot be read');
    dir2 = tempRepo({ 'exports/x.csv': 'Date,Merchant,Amount,Currency,User\n2026-10-01,Miro,12.00,CHF,ada\n' });
    expect((await rejection(expensesDiscovery().pull(ctx(dir2, { path: 'exports/x.csv', preset: 'ramp' })))).message).toBe('exports/x.csv:2: no exchange rate for CHF in org.yaml');
    expect((await rejection(expensesDiscovery().pull(ctx(dir2, { path: '../outside.csv', preset: 'ramp' })))).message).toBe('Expenses: config.path "../outside.csv" leads outside the repository');
    expect((await rejection(expensesDiscovery().pull(ctx(dir2, { path: 'exports/x.csv', preset: 'brex' })))).message).toBe('exports/x.csv:1: no column "Cardholder"; the columns found are "Date", "Merchant", "Amount", "Currency", "User"');
    cleanup(dir2);
  });

  it('parses the amounts spreadsheets hold, and nothing else', () => {
    expect(parseExpenseAmount('$1,234.56', '.')).toBe(1_234_560_000n);
    expect(parseExpenseAmount('1.234,56 €', ',')).toBe(1_234_560_000n);
    expect(parseExpenseAmount('USD 540', '.')).toBe(540_000_000n);
    expect(parseExpenseAmount('-12.5', '.')).toBe(-12_500_000n);
    expect(parseExpenseAmount('(12.50)', '.')).toBe(-12_500_000n);
    for (const bad of ['12,34', '1.234,56', 'twelve', '', '1,23,456.00']) expect(parseExpenseAmount(bad, '.'), bad).toBeUndefined();
  });
});
