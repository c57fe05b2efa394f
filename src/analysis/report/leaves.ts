import { allocate } from '../money/allocate.ts';
import type { Micros } from '../../util/money.ts';
import type { PayerResolver, Payers } from './payers.ts';
import type { SeatUseView } from './seats.ts';

/** A tier's seats and what they cost, before the cost is shared out. */
export interface TierSeats {
  license: string;
  tier: string;
  seats: SeatUseView[];
  /** Entitled seats nobody holds (0 when seats are not counted one by one). */
  unassigned: number;
  /** True when spare and idle seats are waste (seats that cost money one by one). */
  counted: boolean;
  /** Annual cost, rounded to the minor unit. */
  cost: Micros;
  /** Why the cost cannot be computed (no price, no exchange rate); null when it can. */
  costUnknown: string | null;
}

/** The finest grain money is allocated at: one license tier's seats charged to one department and cost centre, wasted or not. */
export interface Leaf {
  license: string;
  tier: string;
  payers: Payers;
  wasted: boolean;
  /** Seats held (0 for the seats nobody holds). */
  held: number;
  cost: Micros;
  /** Why this share cannot be computed ("license/tier: reason"); null when it is known. */
  costUnknown: string | null;
}

/** Groups a tier's seats into leaves and shares its cost among them by seat count (src/analysis/money/allocate.ts). */
export function tierLeaves(t: TierSeats, payers: PayerResolver, currency: string): Leaf[] {
  const costUnknown = t.costUnknown === null ? null : `${t.license}/${t.tier}: ${t.costUnknown}`;
  type Group = { leaf: Leaf; weight: number };
  const groups = new Map<string, Group>();
  const group = (p: Payers, wasted: boolean): Group => {
    const key = `${p.department.key}\u0000${p.costCentre.key}\u0000${wasted ? 1 : 0}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { leaf: { license: t.license, tier: t.tier, payers: p, wasted, held: 0, cost: 0n, costUnknown }, weight: 0 }));
    return g;
  };
  const add = (p: Payers, wasted: boolean, held: number, weight: number) => {
    const g = group(p, wasted);
    g.leaf.held += held;
    g.weight += weight;
  };
  // Each seat's group found by its payers object (one per person's rows), not by a key made per seat.
  const bySeatPayers = new Map<Payers, [Group | undefined, Group | undefined]>();
  for (const s of t.seats) {
    const p = payers.seat(s.seat);
    const wasted = t.counted && s.use === 'inactive';
    let pair = bySeatPayers.get(p);
    if (!pair) bySeatPayers.set(p, (pair = [undefined, undefined]));
    const g = (pair[wasted ? 1 : 0] ??= group(p, wasted));
    g.leaf.held++;
    g.weight++;
  }
  // A tier with a cost (or an unknown one) but no seat to carry it (a maintenance line, an unlimited tier nobody holds) charges it to "unassigned".
  if (t.unassigned > 0 || (t.seats.length === 0 && (t.cost !== 0n || costUnknown !== null))) add(payers.unassigned, t.counted, 0, Math.max(t.unassigned, 1));
  const list = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const parts = allocate(t.cost, list.map(([, g]) => BigInt(g.weight)), list.map(([k]) => k), currency);
  return list.map(([, g], i) => ({ ...g.leaf, cost: parts[i]! }));
}
