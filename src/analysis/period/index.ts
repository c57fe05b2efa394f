import type { Inventory } from '../../inventory/model.ts';
import { addDays, addMonths, dayNumber, daysInMonth, type IsoDate } from '../../util/dates.ts';
import { sum, type Micros } from '../../util/money.ts';
import { UNCOUNTED_TYPES } from '../entitlement.ts';
import { ALLOCATION_METHOD, allocate } from '../money/allocate.ts';
import { PartialSum, partialSums, type UnknownPart } from '../money/unknown.ts';
import { payerResolver, type PayerResolver, type Payers } from '../report/payers.ts';
import type { PriceProblem } from '../report/prices.ts';
import { ACCRUAL_METHOD } from './accrual.ts';
import type { Holdings } from './holdings.ts';
import { linesInPeriod, type LineInPeriod, type LineSpend } from './lines.ts';
import { heldByTier, occupancy, type Occupancy } from './occupancy.ts';
import type { Period } from './range.ts';

export type { LineSpend } from './lines.ts';
export type { Period } from './range.ts';

/** A department's or cost centre's spend in the period. */
export interface PeriodRow {
  key: string;
  name: string;
  /** Days seats were held, summed over seats (unassigned: days seats were bought and held by nobody). */
  seatDays: number;
  amount: Micros;
  /** Spend per license, from the same shares: they add up to `amount`. */
  licenses: Record<string, Micros>;
  /** Spend per cost centre (department rows) or department (cost-centre rows). */
  across: Record<string, Micros>;
  /** Why part of `amount` cannot be computed (src/analysis/money/unknown.ts); absent when all of it is known. */
  unknown?: UnknownPart;
  /** The same, per license and per `across` key, for the cells that have an unknown part. */
  licensesUnknown?: Record<string, UnknownPart>;
  acrossUnknown?: Record<string, UnknownPart>;
}

/** An amount with the reason part of it is unknown, when it is. */
export type Amount = { amount: Micros; unknown?: UnknownPart };

/** Spend of a period: what each contract line accrued, and who held the seats it paid for. All amounts in whole minor units of the org currency. */
export interface PeriodSpend {
  period: Period;
  currency: string;
  /** Whether seat holders came from git history or only from today's assignments. */
  holdings: Holdings['basis'];
  accrual: string;
  allocation: string;
  lines: LineSpend[];
  licenses: Array<{ id: string } & Amount>;
  vendors: Array<{ vendor: string } & Amount>;
  departments: PeriodRow[];
  costCentres: PeriodRow[];
  total: Micros;
  /** Why part of the total cannot be computed (a contract whose currency has no exchange rate). */
  totalUnknown?: UnknownPart;
  problems: PriceProblem[];
}

interface Leaf { license: string; payers: Payers; seatDays: number; amount: Micros; unknown: string | null }

/** The spend of a period and its chargeback by department and cost centre. Pure: holdings come from git history (./holdings.ts) or today's assignments. */
export function periodSpend(inv: Inventory, period: Period, holdings: Holdings): PeriodSpend {
  return periodSpends(inv, [period], holdings)[0]!;
}

/**
 * The spend of several periods (a year and its months). Spend is allocated once per grain: the
 * days between consecutive month starts (calendar and fiscal) and period ends. Each grain's
 * spend of a tier is shared by the seat-days held in it, and a period's rows are sums of its
 * grains, so a year's months add up to the year in every row, not only in the total.
 */
export function periodSpends(inv: Inventory, periods: readonly Period[], holdings: Holdings): PeriodSpend[] {
  if (periods.length === 0) return [];
  const currency = inv.org?.data.currency ?? 'EUR';
  const payers = payerResolver(inv);
  const held = heldByTier(inv, holdings, payers);
  const whole: Period = { label: '', from: periods.map((p) => p.from).sort()[0]!, to: periods.map((p) => p.to).sort().at(-1)! };
  const problems: PriceProblem[] = [];
  const lines = linesInPeriod(inv, whole, problems);
  const cuts = grainCuts(whole, periods, inv.org?.data.fiscal_year_start ?? '01-01');
  const grains: Leaf[][] = cuts.slice(1).map(() => []);
  const d0 = dayNumber(whole.from);
  for (const [key, tierLines] of [...groupBy(lines, (l) => `${l.spend.license}\u0000${l.spend.tier}`)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const daily = bought(inv, tierLines, whole);
    const accrued = cuts.map((d) => sum(tierLines.map((l) => l.at(d))));
    for (let i = 0; i + 1 < cuts.length; i++) {
      const amount = accrued[i + 1]! - accrued[i]!;
      const [a, b] = [dayNumber(cuts[i]!), dayNumber(cuts[i + 1]!) - 1];
      // A line whose amount is unknown still charges its holders: as unknown, not as nothing.
      const why = tierLines.find((l) => l.spend.unknown && l.inForce.some(([x, y]) => x <= b && y >= a))?.spend;
      if (amount === 0n && !why) continue;
      const unknown = why ? `${why.license}/${why.tier}: ${why.unknown!}` : null;
      grains[i]!.push(...tierLeaves(tierLines[0]!.spend.license, amount, unknown, occupancy(held.get(key) ?? [], a, b, daily.slice(a - d0, b - d0 + 1)), payers, currency));
    }
  }
  return periods.map((period) => {
    const leaves = grains.flatMap((g, i) => (cuts[i]! >= period.from && cuts[i]! <= period.to ? g : []));
    const [p0, p1] = [dayNumber(period.from), dayNumber(period.to)];
    const spend = lines
      .map((l) => ({ l, amount: l.at(addDays(period.to, 1)) - l.at(period.from) }))
      .filter(({ l, amount }) => amount !== 0n || l.inForce.some(([a, b]) => a <= p1 && b >= p0))
      .map(({ l, amount }) => ({ ...l.spend, amount }));
    return {
      period, currency, holdings: holdings.basis, accrual: ACCRUAL_METHOD, allocation: ALLOCATION_METHOD,
      lines: spend,
      licenses: totalsBy(spend, (l) => l.license).map(([id, s]) => ({ id, ...amountOf(s) })),
      vendors: totalsBy(spend, (l) => l.vendor).map(([vendor, s]) => ({ vendor, ...amountOf(s) })),
      departments: rows(leaves, (p) => p.department, (p) => p.costCentre),
      costCentres: rows(leaves, (p) => p.costCentre, (p) => p.department),
      ...total(spend),
      problems: problems.filter((p, i) => problems.findIndex((q) => q.message === p.message) === i),
    };
  });
}

/** The first day of each grain, and the day after the last: every calendar and fiscal month start in the range, and each period's ends. */
function grainCuts(whole: Period, periods: readonly Period[], fiscalStart: string): IsoDate[] {
  const end = addDays(whole.to, 1);
  const day = Number(fiscalStart.slice(3, 5));
  const cuts = new Set<IsoDate>([whole.from, end, ...periods.flatMap((p) => [p.from, addDays(p.to, 1)])]);
  for (let m = `${whole.from.slice(0, 7)}-01`; m <= end; m = addMonths(m, 1)) {
    const [y, mo] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
    for (const d of [m, `${m.slice(0, 8)}${String(Math.min(day, daysInMonth(y, mo))).padStart(2, '0')}`]) if (d >= whole.from && d <= end) cuts.add(d);
  }
  return [...cuts].sort();
}

/** Seats bought on each day of the period, per the lines of one tier; null on days they are not counted one by one. */
function bought(inv: Inventory, lines: LineInPeriod[], p: Period): Array<number | null> {
  const d0 = dayNumber(p.from);
  const n = dayNumber(p.to) - d0 + 1;
  const license = inv.licenses.get(lines[0]!.spend.license)?.data;
  if (!license || UNCOUNTED_TYPES.has(license.type) || lines.some((l) => l.data.quantity === 'unlimited' && l.days.length)) return new Array<number | null>(n).fill(null);
  const diff = new Array<number>(n + 1).fill(0);
  for (const l of lines) {
    for (const [a, b] of l.days) {
      diff[a - d0] = diff[a - d0]! + (l.data.quantity as number);
      diff[b - d0 + 1] = diff[b - d0 + 1]! - (l.data.quantity as number);
    }
  }
  let run = 0;
  return Array.from({ length: n }, (_, i) => (run += diff[i]!));
}

function tierLeaves(license: string, amount: Micros, unknown: string | null, occ: Occupancy, payers: PayerResolver, currency: string): Leaf[] {
  const groups = new Map<string, Leaf & { weight: number }>();
  const add = (p: Payers, days: number, weight: number) => {
    const key = `${p.department.key}\u0000${p.costCentre.key}`;
    const g = groups.get(key);
    if (g) {
      g.seatDays += days;
      g.weight += weight;
    } else groups.set(key, { license, payers: p, seatDays: days, amount: 0n, unknown, weight });
  };
  for (const [p, days] of occ.groups) add(p, days, days);
  if (occ.spare > 0) add(payers.unassigned, occ.spare, occ.spare);
  // Spend with no seat-day to carry it (a maintenance line, a tier nobody held) is charged to "unassigned".
  if (groups.size === 0 && (amount !== 0n || unknown !== null)) add(payers.unassigned, 0, 1);
  const list = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const parts = allocate(amount, list.map(([, g]) => BigInt(g.weight)), list.map(([k]) => k), currency);
  return list.map(([, g], i) => ({ license: g.license, payers: g.payers, seatDays: g.seatDays, amount: parts[i]!, unknown }));
}

function rows(leaves: Leaf[], own: (p: Payers) => { key: string; name: string }, other: (p: Payers) => { key: string }): PeriodRow[] {
  const by = new Map<string, { key: string; name: string; seatDays: number; amount: PartialSum; licenses: ReturnType<typeof partialSums>; across: ReturnType<typeof partialSums> }>();
  for (const l of leaves) {
    const o = own(l.payers);
    let r = by.get(o.key);
    if (!r) by.set(o.key, (r = { key: o.key, name: o.name, seatDays: 0, amount: new PartialSum(), licenses: partialSums(), across: partialSums() }));
    r.seatDays += l.seatDays;
    r.amount.add(l.amount, l.unknown);
    r.licenses.at(l.license).add(l.amount, l.unknown);
    r.across.at(other(l.payers).key).add(l.amount, l.unknown);
  }
  return [...by.values()].sort((a, b) => (a.key < b.key ? -1 : 1)).map((r) => {
    const row: PeriodRow = { key: r.key, name: r.name, seatDays: r.seatDays, ...amountOf(r.amount), licenses: amounts(r.licenses), across: amounts(r.across) };
    const [lu, au] = [unknowns(r.licenses), unknowns(r.across)];
    return { ...row, ...(lu ? { licensesUnknown: lu } : {}), ...(au ? { acrossUnknown: au } : {}) };
  });
}

const amountOf = (s: PartialSum): Amount => {
  const unknown = s.unknown();
  return unknown ? { amount: s.value, unknown } : { amount: s.value };
};
const amounts = (m: ReturnType<typeof partialSums>): Record<string, Micros> => Object.fromEntries(m.entries().map(([k, s]) => [k, s.value]));
const unknowns = (m: ReturnType<typeof partialSums>): Record<string, UnknownPart> | undefined => {
  const list = m.entries().flatMap(([k, s]) => { const u = s.unknown(); return u ? [[k, u] as const] : []; });
  return list.length ? Object.fromEntries(list) : undefined;
};

const lineUnknown = (l: LineSpend): string | null => (l.unknown ? `${l.license}/${l.tier}: ${l.unknown}` : null);

/** The period's total, and why part of it is unknown. */
function total(spend: LineSpend[]): { total: Micros; totalUnknown?: UnknownPart } {
  const { amount, unknown } = amountOf(spend.reduce((s, l) => s.add(l.amount, lineUnknown(l)), new PartialSum()));
  return unknown ? { total: amount, totalUnknown: unknown } : { total: amount };
}

function totalsBy(spend: LineSpend[], key: (l: LineSpend) => string): Array<[string, PartialSum]> {
  const m = partialSums();
  for (const l of spend) m.at(key(l)).add(l.amount, lineUnknown(l));
  return m.entries();
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

