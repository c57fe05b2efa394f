import type { Inventory } from '../../inventory/model.ts';
import { addDays, dayNumber } from '../../util/dates.ts';
import type { Micros } from '../../util/money.ts';
import { ALLOCATION_METHOD, allocate } from '../money/allocate.ts';
import { PartialSum, partialSums, type UnknownPart } from '../money/unknown.ts';
import type { Payers } from '../report/payers.ts';
import type { PriceProblem } from '../report/prices.ts';
import { ACCRUAL_METHOD } from './accrual.ts';
import { grainAmount, periodGrains } from './grains.ts';
import type { Holdings } from './holdings.ts';
import type { TierHolders } from './occupancy.ts';
import { linesInPeriod, type LineInPeriod, type LineSpend } from './lines.ts';
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
 * `holders`: tierHolders(inv, holdings), when the caller shares it between calls.
 */
export function periodSpends(inv: Inventory, periods: readonly Period[], holdings: Holdings, holders?: TierHolders): PeriodSpend[] {
  if (periods.length === 0) return [];
  const { currency, cuts, lines, tiers, problems } = periodGrains(inv, periods, holdings, holders);
  const grains: Leaf[][] = cuts.slice(1).map(() => []);
  for (const t of tiers) {
    for (let i = 0; i + 1 < cuts.length; i++) {
      const amount = grainAmount(t.lines, cuts, i);
      const [a, b] = [dayNumber(cuts[i]!), dayNumber(cuts[i + 1]!) - 1];
      // A line whose amount is unknown still charges its holders: as unknown, not as nothing.
      const why = t.lines.find((l) => l.spend.unknown && l.inForce.some(([x, y]) => x <= b && y >= a))?.spend;
      if (amount === 0n && !why) continue;
      const unknown = why ? `${why.license}/${why.tier}: ${why.unknown!}` : null;
      const shares = t.shares(i);
      const parts = allocate(amount, shares.map((g) => g.weight), shares.map((g) => g.key), currency);
      grains[i]!.push(...shares.map((g, j) => ({ license: t.license, payers: g.payers, seatDays: g.seatDays, amount: parts[j]!, unknown })));
    }
  }
  return periods.map((period) => {
    const leaves = grains.flatMap((g, i) => (cuts[i]! >= period.from && cuts[i]! <= period.to ? g : []));
    const { lines: spend, licenses, vendors, ...sum } = lineTotals(lines, period);
    return {
      period, currency, holdings: holdings.basis, accrual: ACCRUAL_METHOD, allocation: ALLOCATION_METHOD,
      lines: spend, licenses, vendors,
      departments: rows(leaves, (p) => p.department, (p) => p.costCentre),
      costCentres: rows(leaves, (p) => p.costCentre, (p) => p.department),
      ...sum,
      problems: problems.filter((p, i) => problems.findIndex((q) => q.message === p.message) === i),
    };
  });
}

/** What a period's contract lines accrued, per line, license and vendor, and in all: periodSpend's, without who held the seats. */
export type PeriodTotals = Pick<PeriodSpend, 'lines' | 'licenses' | 'vendors' | 'total' | 'totalUnknown'>;

/**
 * periodSpend's lines and totals without its chargeback: the forecast's back-test compares totals only, and the
 * chargeback walks every seat (a million at the largest organizations) for each month.
 */
export function periodTotals(inv: Inventory, period: Period): PeriodTotals {
  return lineTotals(linesInPeriod(inv, period, []), period);
}

/** The lines' spend in a period (those that accrued or were in force in it) and their sums. */
function lineTotals(lines: readonly LineInPeriod[], period: Period): PeriodTotals {
  const [p0, p1] = [dayNumber(period.from), dayNumber(period.to)];
  const spend = lines
    .map((l) => ({ l, amount: l.at(addDays(period.to, 1)) - l.at(period.from) }))
    .filter(({ l, amount }) => amount !== 0n || l.inForce.some(([a, b]) => a <= p1 && b >= p0))
    .map(({ l, amount }) => ({ ...l.spend, amount }));
  return {
    lines: spend,
    licenses: totalsBy(spend, (l) => l.license).map(([id, s]) => ({ id, ...amountOf(s) })),
    vendors: totalsBy(spend, (l) => l.vendor).map(([vendor, s]) => ({ vendor, ...amountOf(s) })),
    ...total(spend),
  };
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
