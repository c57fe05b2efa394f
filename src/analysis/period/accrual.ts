// How a contract line's cost accrues day by day (stated in the report and on the site):
// - A line is in force on the days of its terms: the written term, then each renewal term of an
//   auto-renewing contract (src/analysis/terms.ts), up to the day before a successor starts.
// - A price per year (per month) is the cost of each 12 (1) months counted from the term's start;
//   it accrues evenly over the days of that year (month), so a year with 29 February accrues its
//   price over 366 days and a full year always accrues exactly the price. A term that ends inside
//   a year (month) accrues that year's (month's) share of days. A price per term accrues evenly
//   over the term's days; a one-time price on the contract's first day.
// - billing_period (when invoices are sent) does not move the spend: spend is accrued, not paid.
// - The accrued amount up to a day is computed exactly, then rounded to the minor unit; a
//   period's amount is the difference of the rounded amounts at its ends, so periods add up:
//   the months of a year sum to the year, to the minor unit.
import type { Contract, ContractLine } from '../../inventory/schema/index.ts';
import { addDays, addMonths, daysBetween, minDate, type IsoDate } from '../../util/dates.ts';
import { divRound, parseAmount, type Micros } from '../../util/money.ts';
import { termStatus, type Term } from '../terms.ts';

/** The accrual rule, as the report and the site state it. */
export const ACCRUAL_METHOD =
  'Each contract line accrues its cost day by day while its contract is in force (the written term, then each renewal term of an auto-renewing contract, until a successor starts): a price per year (per month) is spread evenly over the days of each 12 (1) months from the term\'s start, so a leap year spreads it over 366 days and a full year always costs exactly the price; a price per term over the term\'s days; a one-time price falls on the contract\'s first day. When invoices are sent (billing_period) does not matter. The accrued amount to each day is rounded to the minor unit and a period gets the difference, so months add up to their year exactly.';

/** The terms of a contract that begin before `until`, in order; an open-ended contract has one open term. */
export function termsBefore(c: Contract, until: IsoDate): Array<Term | { start: IsoDate; end: undefined }> {
  if (!c.end) return c.start < until ? [{ start: c.start, end: undefined }] : [];
  const out: Term[] = [];
  let day = c.start;
  while (day < until) {
    const s = termStatus(c, day);
    if (s.state === 'expired' && day > c.end) break;
    const t = s.term!;
    out.push(t);
    day = addDays(t.end, 1);
  }
  return out;
}

/** Micros (contract currency) a line accrued on the days before `day` (days from `stop` on do not count). */
export function accruedBefore(line: ContractLine, c: Contract, day: IsoDate, stop?: IsoDate): Micros {
  const until = stop !== undefined && stop < day ? stop : day;
  const price = parseAmount(line.unit_price) * BigInt(line.quantity === 'unlimited' ? 1 : line.quantity);
  const period = line.price_period ?? 'year';
  if (period === 'one-time' || (period === 'term' && !c.end)) return c.start < until ? price : 0n;
  let total = 0n;
  for (const t of termsBefore(c, until)) {
    const last = t.end === undefined ? addDays(until, -1) : minDate(t.end, addDays(until, -1));
    if (period === 'term') {
      total += share(price, daysBetween(t.start, last) + 1, daysBetween(t.start, t.end!) + 1);
      continue;
    }
    const months = period === 'year' ? 12 : 1;
    for (let j = 0; ; j++) {
      const from = addMonths(t.start, j * months);
      if (from > last) break;
      const next = addMonths(t.start, (j + 1) * months);
      total += share(price, daysBetween(from, minDate(addDays(next, -1), last)) + 1, daysBetween(from, next));
    }
  }
  return total;
}

const share = (price: Micros, days: number, of: number): Micros => (days >= of ? price : divRound(price * BigInt(days), BigInt(of)));
