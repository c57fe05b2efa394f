import { currentHoldings } from '../period/holdings.ts';
import { periodSpend } from '../period/index.ts';
import type { Inventory } from '../../inventory/model.ts';
import { addDays, type IsoDate } from '../../util/dates.ts';
import { convert, parseAmount, sum, type Micros } from '../../util/money.ts';
import type { SeenAppRow } from './undeclared.ts';

/** Spend outside contracts (expense and card exports) beside contracted spend, over the 90 days up to today. */
export interface ExpensedSpend {
  from: IsoDate;
  to: IsoDate;
  currency: string;
  /** Contract lines accrued over the same days. */
  contracted: Micros;
  /** Every expensed software charge. */
  expensed: Micros;
  /** The part of `expensed` paid to vendors the inventory declares (bought outside their contracts). */
  declaredVendors: Micros;
  /** The part paid to apps nothing in the inventory declares. */
  undeclared: Micros;
}

/** The expensed-spend figure: one function, shown by `lac report` and the site. */
export function expensedSpend(inv: Inventory, rows: readonly SeenAppRow[], today: IsoDate): ExpensedSpend {
  const currency = inv.org?.data.currency ?? 'EUR';
  const rates = inv.org?.data.exchange_rates ?? {};
  const from = addDays(today, -89);
  const money = (r: SeenAppRow): Micros => {
    const snapshotCurrency = inv.discovered.get(r.source)?.data.currency ?? currency;
    if (r.app.spend_90d === undefined) return 0n;
    return rates[snapshotCurrency] === undefined && snapshotCurrency !== currency ? 0n : convert(parseAmount(r.app.spend_90d), snapshotCurrency, currency, rates);
  };
  const spent = rows.filter((r) => r.kind === 'expenses' && r.app.spend_90d !== undefined);
  const contracted = periodSpend(inv, { label: `${from}..${today}`, from, to: today }, currentHoldings(inv)).total;
  return {
    from,
    to: today,
    currency,
    contracted,
    expensed: sum(spent.map(money)),
    declaredVendors: sum(spent.filter((r) => r.match).map(money)),
    undeclared: sum(spent.filter((r) => !r.match && r.ignored === undefined).map(money)),
  };
}
