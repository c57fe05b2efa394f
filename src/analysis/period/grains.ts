// The grains a period's spend is shared in: the days between consecutive month starts (calendar
// and fiscal) and period ends. For each tier and grain: its contract lines' spend and the seat
// groups (department × cost centre, and the seats nobody holds) that share it by seat-days.
// `lac report --period`, the site and `lac export focus` all share spend from these.
import type { Inventory } from '../../inventory/model.ts';
import { addDays, addMonths, dayNumber, daysInMonth, type IsoDate } from '../../util/dates.ts';
import type { Micros } from '../../util/money.ts';
import { UNCOUNTED_TYPES } from '../entitlement.ts';
import type { PayerResolver, Payers } from '../report/payers.ts';
import type { PriceProblem } from '../report/prices.ts';
import type { Holdings } from './holdings.ts';
import { linesInPeriod, type LineInPeriod } from './lines.ts';
import { occupancy, tierHolders, type Held, type TierHolders } from './occupancy.ts';
import type { Period } from './range.ts';

/** A seat group sharing a tier's spend in a grain: its weight is its seat-days (1 for the "unassigned" row of spend no seat-day carries). */
export interface Share {
  key: string;
  payers: Payers;
  seatDays: number;
  weight: bigint;
}

/** One tier's contract lines, and who shares their spend in each grain. */
export interface TierGrains {
  license: string;
  tier: string;
  lines: LineInPeriod[];
  /** The shares of grain i, sorted by key; computed when asked. */
  shares(i: number): Share[];
}

export interface Grains {
  currency: string;
  /** The first day of each grain, and the day after the last. */
  cuts: IsoDate[];
  lines: LineInPeriod[];
  tiers: TierGrains[];
  problems: PriceProblem[];
}

/** The grains of the span covering `periods` (non-empty), with each tier's lines and shares; `holders`: tierHolders of the same inventory and holdings, when made already. */
export function periodGrains(inv: Inventory, periods: readonly Period[], holdings: Holdings, holders: TierHolders = tierHolders(inv, holdings)): Grains {
  const currency = inv.org?.data.currency ?? 'EUR';
  const { payers, held } = holders;
  const whole: Period = { label: '', from: periods.map((p) => p.from).sort()[0]!, to: periods.map((p) => p.to).sort().at(-1)! };
  const problems: PriceProblem[] = [];
  const lines = linesInPeriod(inv, whole, problems);
  const cuts = grainCuts(whole, periods, inv.org?.data.fiscal_year_start ?? '01-01');
  const d0 = dayNumber(whole.from);
  const tiers = [...groupBy(lines, (l) => `${l.spend.license}\u0000${l.spend.tier}`)].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, tierLines]): TierGrains => {
    const daily = bought(inv, tierLines, whole);
    return {
      license: tierLines[0]!.spend.license,
      tier: tierLines[0]!.spend.tier,
      lines: tierLines,
      shares: (i) => {
        const [a, b] = [dayNumber(cuts[i]!), dayNumber(cuts[i + 1]!) - 1];
        return shares(held.get(key) ?? [], a, b, daily.slice(a - d0, b - d0 + 1), payers);
      },
    };
  });
  return { currency, cuts, lines, tiers, problems };
}

/** A tier's spend in a grain: what its lines accrued between the grain's first day and the next grain's. */
export const grainAmount = (lines: readonly LineInPeriod[], cuts: readonly IsoDate[], i: number): Micros => lines.reduce((s, l) => s + l.at(cuts[i + 1]!) - l.at(cuts[i]!), 0n);

function shares(held: readonly Held[], a: number, b: number, daily: Array<number | null>, payers: PayerResolver): Share[] {
  const occ = occupancy(held, a, b, daily);
  const groups = new Map<string, Share>();
  const add = (p: Payers, days: number, weight: number) => {
    const key = `${p.department.key}\u0000${p.costCentre.key}`;
    const g = groups.get(key);
    if (g) {
      g.seatDays += days;
      g.weight += BigInt(weight);
    } else groups.set(key, { key, payers: p, seatDays: days, weight: BigInt(weight) });
  };
  for (const [p, days] of occ.groups) add(p, days, days);
  if (occ.spare > 0) add(payers.unassigned, occ.spare, occ.spare);
  // Spend with no seat-day to carry it (a maintenance line, a tier nobody held) is charged to "unassigned".
  if (groups.size === 0) add(payers.unassigned, 0, 1);
  return [...groups.values()].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
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
