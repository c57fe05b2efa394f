import type { Inventory } from '../../inventory/model.ts';
import { dayNumber } from '../../util/dates.ts';
import { payerResolver, type PayerResolver, type Payers } from '../report/payers.ts';
import type { Holdings, PersonSpan } from './holdings.ts';

/** A seat held over day numbers [from, to] (to: Infinity while still held), charged to one department and cost centre. */
export interface Held {
  from: number;
  to: number;
  payers: Payers;
}

/** Each tier's seats with their rows (heldByTier), and the resolver the rows came from. */
export interface TierHolders {
  payers: PayerResolver;
  held: Map<string, Held[]>;
}

/** heldByTier with a resolver of its own: made once when several calls share the same inventory and holdings (the site's fiscal years). */
export function tierHolders(inv: Inventory, h: Holdings): TierHolders {
  const payers = payerResolver(inv);
  return { payers, held: heldByTier(inv, h, payers) };
}

/** Seat-days per department × cost centre in a period, and the seat-days bought but held by nobody. */
export interface Occupancy {
  groups: Map<Payers, number>;
  spare: number;
}

/**
 * Each tier's seats (key `license\0tier`) with the rows they are charged to, split where the
 * holder moved department or cost centre. Computed once and shared by every period asked.
 */
export function heldByTier(inv: Inventory, h: Holdings, payers: PayerResolver): Map<string, Held[]> {
  const out = new Map<string, Held[]>();
  const spansOf = new Map<string, Array<{ from: number; payers: Payers }>>();
  const personSpans = (person: string, spans: PersonSpan[]) => {
    let list = spansOf.get(person);
    if (!list) {
      const file = inv.people.get(person)?.src.file;
      spansOf.set(person, (list = spans.map((s) => ({ from: s.from === '' ? -Infinity : dayNumber(s.from), payers: payers.person(s.department, s.costCentre, file) }))));
    }
    return list;
  };
  // A million seats share a few hundred tiers: each tier's list is found by license, then tier. (dayNumber remembers
  // the dates, and the resolver each person's rows.)
  const tiers = new Map<string, Map<string, Held[]>>();
  for (const s of h.seats) {
    let byTier = tiers.get(s.license);
    if (!byTier) tiers.set(s.license, (byTier = new Map()));
    let list = byTier.get(s.tier);
    if (!list) {
      byTier.set(s.tier, (list = []));
      out.set(`${s.license}\u0000${s.tier}`, list);
    }
    const from = dayNumber(s.from);
    const to = s.to === undefined ? Infinity : dayNumber(s.to);
    const spans = s.person === undefined ? undefined : h.people.get(s.person);
    if (!spans) {
      list.push({ from, to, payers: payers.seat(s) });
      continue;
    }
    const moves = personSpans(s.person!, spans);
    moves.forEach((m, i) => {
      const a = Math.max(from, m.from);
      const b = Math.min(to, (moves[i + 1]?.from ?? Infinity) - 1);
      if (a <= b) list.push({ from: a, to: b, payers: m.payers });
    });
  }
  return out;
}

/** Who occupied a tier's seats over day numbers [d0, d1]; `bought[i]`: seats the lines entitled on day d0 + i (null: not counted one by one). */
export function occupancy(held: readonly Held[], d0: number, d1: number, bought: Array<number | null>): Occupancy {
  const count = new Array<number>(d1 - d0 + 2).fill(0);
  const groups = new Map<Payers, number>();
  for (const s of held) {
    const a = Math.max(d0, s.from);
    const b = Math.min(d1, s.to);
    if (b < a) continue;
    count[a - d0]! += 1;
    count[b - d0 + 1]! -= 1;
    groups.set(s.payers, (groups.get(s.payers) ?? 0) + b - a + 1);
  }
  let spare = 0;
  let running = 0;
  for (let i = 0; i <= d1 - d0; i++) {
    running += count[i]!;
    const n = bought[i];
    if (n !== null && n !== undefined && n > running) spare += n - running;
  }
  return { groups, spare };
}
