// A period's spend per contract line, charge period (calendar month) and seat group: the rows of
// `lac export focus`. Amounts come from the same accrual and the same grains as `lac report
// --period`, so the rows add up to its figures exactly:
// - in the contract's currency (what the invoice is in): each line's accrual per grain, shared
//   over the grain's seat groups by seat-days (largest remainder);
// - in the org currency: each seat group's share of the tier, exactly as the report computes it,
//   split over the tier's lines in proportion to what each line still has to place, so every
//   line's row sum is the line's spend and every group's is the report's, both to the minor unit.
import type { Inventory } from '../../inventory/model.ts';
import { addDays, addMonths, dayNumber, minDate, type IsoDate } from '../../util/dates.ts';
import type { Micros } from '../../util/money.ts';
import { allocate, largestRemainder, roundToMinor } from '../money/allocate.ts';
import type { Payers } from '../report/payers.ts';
import type { PriceProblem } from '../report/prices.ts';
import { accruedBefore } from './accrual.ts';
import { grainAmount, periodGrains, type Share } from './grains.ts';
import type { Holdings } from './holdings.ts';
import type { LineInPeriod } from './lines.ts';
import type { Period } from './range.ts';

/** What one contract line charged one seat group in one charge period. */
export interface Charge {
  line: LineInPeriod;
  /** The charge period: a calendar month, cut to the period asked for. */
  period: Period;
  payers: Payers;
  /** Seat-days the group held of the line's seats in the charge period. */
  seatDays: number;
  /** In the contract's currency. */
  billed: Micros;
  /** At the tier's list_price (per seat and year) when it has one; else `billed`. */
  list: Micros;
  /** In the org currency, as `lac report --period` counts it; null when the contract's currency has no exchange rate. */
  report: Micros | null;
}

export interface PeriodCharges {
  period: Period;
  /** The org currency of `report`. */
  currency: string;
  charges: Charge[];
  problems: PriceProblem[];
}

/** The calendar months of a period, the first and last cut to it. */
export function monthsOf(p: Period): Period[] {
  const out: Period[] = [];
  for (let m = `${p.from.slice(0, 7)}-01`; m <= p.to; m = addMonths(m, 1)) {
    const from = m < p.from ? p.from : m;
    out.push({ label: m.slice(0, 7), from, to: minDate(addDays(addMonths(m, 1), -1), p.to) });
  }
  return out;
}

/** Every contract line's spend in the period per charge period and seat group. Pure. */
export function periodCharges(inv: Inventory, period: Period, holdings: Holdings): PeriodCharges {
  const months = monthsOf(period);
  const { currency, cuts, tiers, problems } = periodGrains(inv, months, holdings);
  const out = new Map<string, Charge>();
  for (const t of tiers) {
    const native = t.lines.map((l) => nativeAccrual(inv, l));
    for (let i = 0; i + 1 < cuts.length; i++) {
      const step = (f: (d: IsoDate) => Micros) => f(cuts[i + 1]!) - f(cuts[i]!);
      const amounts = t.lines.map((l, k) => ({ billed: step(native[k]!.billed), list: step(native[k]!.list), report: step(l.at) }));
      if (amounts.every((a) => a.billed === 0n && a.list === 0n && a.report === 0n)) continue;
      const shares = t.shares(i);
      const [weights, keys] = [shares.map((s) => s.weight), shares.map((s) => s.key)];
      const lineKeys = t.lines.map((l) => `${l.spend.contract}\u0000${String(l.spend.line).padStart(6, '0')}`);
      const report = byGroup(allocate(grainAmount(t.lines, cuts, i), weights, keys, currency), amounts.map((a) => a.report), lineKeys, currency);
      const seatDays = seatDaysByLine(t.lines, shares, cuts[i]!, cuts[i + 1]!, lineKeys);
      const month = months.find((m) => cuts[i]! >= m.from && cuts[i]! <= m.to)!;
      t.lines.forEach((l, k) => {
        // In the org currency the report's shares are the billed ones: the same amounts, the same split.
        const billed = l.contract.currency === currency && !l.spend.unknown ? report.map((g) => g[k]!) : allocate(amounts[k]!.billed, weights, keys, l.contract.currency);
        const list = allocate(amounts[k]!.list, weights, keys, l.contract.currency);
        shares.forEach((s, j) => {
          const key = `${month.from}\u0000${lineKeys[k]}\u0000${s.key}`;
          let c = out.get(key);
          if (!c) out.set(key, (c = { line: l, period: month, payers: s.payers, seatDays: 0, billed: 0n, list: 0n, report: l.spend.unknown ? null : 0n }));
          c.seatDays += seatDays[j]![k]!;
          c.billed += billed[j]!;
          c.list += list[j]!;
          if (c.report !== null) c.report += report[j]![k]!;
        });
      });
    }
  }
  const charges = [...out.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, c]) => c).filter((c) => c.billed !== 0n || c.list !== 0n || (c.report ?? 0n) !== 0n);
  return { period, currency, charges, problems: problems.filter((p, i) => problems.findIndex((q) => q.message === p.message) === i) };
}

/** What a line accrued before a day in its contract's currency, at its price and at the tier's list price, each rounded to the minor unit. */
function nativeAccrual(inv: Inventory, l: LineInPeriod): { billed: (d: IsoDate) => Micros; list: (d: IsoDate) => Micros } {
  const cur = l.contract.currency;
  const billed = (d: IsoDate) => roundToMinor(accruedBefore(l.data, l.contract, d, l.stop), cur);
  const listPrice = inv.licenses.get(l.data.license)?.data.tiers.find((t) => t.id === l.data.tier)?.list_price;
  if (listPrice === undefined || l.data.price_period === 'one-time') return { billed, list: billed };
  const atList = { ...l.data, unit_price: String(listPrice), price_period: 'year' as const };
  return { billed, list: (d) => roundToMinor(accruedBefore(atList, l.contract, d, l.stop), cur) };
}

/**
 * Splits each group's amount over the lines (result[group][line]) so that groups and lines both
 * add up: each group in turn takes from what the lines have left, in proportion, so the last
 * group takes exactly what is left.
 */
function byGroup(groups: Micros[], lines: Micros[], lineKeys: string[], currency: string): Micros[][] {
  const left = [...lines];
  return groups.map((g) => {
    const parts = allocate(g, left, lineKeys, currency);
    parts.forEach((p, k) => (left[k] = left[k]! - p));
    return parts;
  });
}

/** Each group's seat-days (result[group][line]) split over the tier's lines by seats × days in force in the grain. */
function seatDaysByLine(lines: LineInPeriod[], shares: Share[], from: IsoDate, next: IsoDate, lineKeys: string[]): number[][] {
  const [a, b] = [dayNumber(from), dayNumber(next) - 1];
  const weights = lines.map((l) => BigInt(l.data.quantity === 'unlimited' ? 1 : l.data.quantity) * BigInt(l.inForce.reduce((n, [x, y]) => n + Math.max(0, Math.min(b, y) - Math.max(a, x) + 1), 0)));
  return shares.map((s) => largestRemainder(BigInt(s.seatDays), weights, lineKeys).map(Number));
}
