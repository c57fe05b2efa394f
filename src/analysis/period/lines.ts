import type { Inventory, Rec } from '../../inventory/model.ts';
import type { Contract, ContractLine } from '../../inventory/schema/index.ts';
import { addDays, dayNumber, maxDate, minDate, type IsoDate } from '../../util/dates.ts';
import { convert, type Micros } from '../../util/money.ts';
import { memoize } from '../../util/memo.ts';
import { entitlesSeats } from '../cost.ts';
import { successorsOf } from '../entitlement.ts';
import { roundToMinor } from '../money/allocate.ts';
import type { PriceProblem } from '../report/prices.ts';
import { recordSource, type Source } from '../report/source.ts';
import { accruedBefore, termsBefore } from './accrual.ts';
import type { Period } from './range.ts';

/** What one contract line accrued in a period, in the org currency (whole minor units). */
export interface LineSpend {
  contract: string;
  /** Index of the line in the contract's `lines`. */
  line: number;
  vendor: string;
  license: string;
  tier: string;
  amount: Micros;
  source: Source;
  /** Why its amount cannot be computed (no exchange rate): it counts as unknown in every sum, never as 0. */
  unknown?: string;
}

/** A line in force on some day of the period, with the days (day numbers, both ends included) it was. */
export interface LineInPeriod {
  /** Its spend over the whole period asked for. */
  spend: LineSpend;
  data: ContractLine;
  /** Its contract, and the first day of the contract's successor (it accrues nothing from then on). */
  contract: Contract;
  stop: IsoDate | undefined;
  /** Days it was in force. */
  inForce: Array<[number, number]>;
  /** Days it entitled seats (none for a maintenance line). */
  days: Array<[number, number]>;
  /** What it accrued before a day, in the org currency, rounded to the minor unit: a period's spend is at(to + 1) − at(from). */
  at(day: IsoDate): Micros;
}

/** Every contract line in force on some day of the period, with what it accrued then (src/analysis/period/accrual.ts). */
export function linesInPeriod(inv: Inventory, p: Period, problems: PriceProblem[]): LineInPeriod[] {
  const org = inv.org?.data;
  const currency = org?.currency ?? 'EUR';
  const successors = successorsOf(inv);
  const after = addDays(p.to, 1);
  const out: LineInPeriod[] = [];
  for (const c of [...inv.contracts.values()].sort((a, b) => (a.data.id < b.data.id ? -1 : 1))) {
    const starts = (successors.get(c.data.id) ?? []).map((s) => s.data.start).sort();
    const stop = starts[0];
    const days = inForceDays(c.data, p, stop);
    if (days.length === 0) continue;
    const rate = c.data.currency === currency || !org ? 1 : org.exchange_rates?.[c.data.currency];
    const unknown = rate === undefined ? `no exchange rate for ${c.data.currency} in org.yaml (exchange_rates)` : undefined;
    c.data.lines.forEach((line, i) => {
      if (unknown) problems.push({ license: line.license, message: `no exchange rate for ${c.data.currency} in org.yaml: the spend of contract ${c.data.id} is unknown` });
      // Asked at every grain's ends and every period's: each day is accrued once.
      const at = memoize((d: IsoDate): Micros => (unknown ? 0n : roundToMinor(org ? convert(accruedBefore(line, c.data, d, stop), c.data.currency, currency, org.exchange_rates ?? {}) : accruedBefore(line, c.data, d, stop), currency)));
      const amount = at(after) - at(p.from);
      const spend: LineSpend = { contract: c.data.id, line: i, vendor: inv.licenses.get(line.license)?.data.vendor ?? c.data.vendor, license: line.license, tier: line.tier, amount, source: lineSource(c, i) };
      out.push({ spend: unknown ? { ...spend, unknown } : spend, data: line, contract: c.data, stop, inForce: days, days: entitlesSeats(line) ? days : [], at });
    });
  }
  return out;
}

const lineSource = (c: Rec<Contract>, i: number): Source => {
  const l = c.data.lines[i]!;
  return recordSource(c, ['lines', i], `contract ${c.data.id} lines[${i}]: ${l.quantity} × ${l.unit_price} ${c.data.currency} per ${l.price_period ?? 'year'}`);
};

/** The days of the period on which a contract was in force (before `stop`, the first day of a successor), as day-number spans. */
function inForceDays(c: Contract, p: Period, stop: IsoDate | undefined): Array<[number, number]> {
  const last = stop !== undefined ? minDate(p.to, addDays(stop, -1)) : p.to;
  const out: Array<[number, number]> = [];
  for (const t of termsBefore(c, addDays(last, 1))) {
    const a = maxDate(t.start, p.from);
    const b = t.end === undefined ? last : minDate(t.end, last);
    if (a <= b) out.push([dayNumber(a), dayNumber(b)]);
  }
  return out;
}
