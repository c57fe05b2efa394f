import { leaverStatus, type LeaverStatus } from '../analysis/leaver.ts';
import type { Rec, SeatList } from '../inventory/model.ts';
import type { Person } from '../inventory/schema/index.ts';
import type { IsoDate } from '../util/dates.ts';
import type { Emitted, Rule, RuleContext } from './rule.ts';

/**
 * The people of an inventory numbered once per check (0 .. count-1), with the facts the per-seat
 * rules ask of each seat's holder in arrays by that number. Each rule looking every one of a
 * million holders up again, then reading records of many shapes (people differ in their optional
 * keys), was most of the cost of these rules (issue 16); one lookup per seat and reads from
 * dense arrays are a fraction of it.
 */
export interface Holders {
  count: number;
  /** The number of the person with this ID, or -1 when people.yaml has no such person. */
  numberOf(id: string): number;
  rec: Rec<Person>[];
  /** Start and end dates as `dateOrdinal`s, 0 where the person has none. */
  startDay: Int32Array;
  endDay: Int32Array;
  /** `leaverStatus(person, today)`, the one definition, computed once per person. */
  leaver: (LeaverStatus | undefined)[];
}

/**
 * A valid ISO date (the schema's `format: date`, YYYY-MM-DD) as the number YYYYMMDD: it orders as
 * the string does, and a million comparisons of numbers cost a tenth of those of strings.
 */
export function dateOrdinal(date: IsoDate): number {
  let n = 0;
  for (let k = 0; k < 10; k++) if (k !== 4 && k !== 7) n = n * 10 + date.charCodeAt(k) - 48;
  return n;
}

/** What a per-seat rule does in the shared walk: a call per seat list, and one at the end. */
export interface SeatVisitor {
  /**
   * `holder[i]` is the number in `holders` of the person of `list.seats[i]`, or -1 (no person, or
   * one people.yaml lacks). The array is reused for the next list: read it during the call only.
   */
  list(list: SeatList, holder: Int32Array): void;
  end?(): void;
}

export interface WalkContext extends RuleContext {
  holders: Holders;
}

/** A rule over every seat: its visitor runs in the one walk that `runRules` makes for all of them. */
export interface SeatRule extends Rule {
  visit(ctx: WalkContext, emit: (e: Emitted) => void): SeatVisitor | undefined;
}

export const isSeatRule = (rule: Rule): rule is SeatRule => typeof (rule as Partial<SeatRule>).visit === 'function';

/** Numbers the people of an inventory and gathers their facts as of today. */
export function holdersOf(ctx: RuleContext): Holders {
  const numbers = new Map<string, number>();
  const count = ctx.inv.people.size;
  const holders: Holders = { count, numberOf: (id) => numbers.get(id) ?? -1, rec: [], startDay: new Int32Array(count), endDay: new Int32Array(count), leaver: [] };
  let n = 0;
  for (const [id, rec] of ctx.inv.people) {
    const person = rec.data;
    numbers.set(id, n);
    holders.rec.push(rec);
    if (person.start !== undefined) holders.startDay[n] = dateOrdinal(person.start);
    if (person.end !== undefined) holders.endDay[n] = dateOrdinal(person.end);
    holders.leaver.push(leaverStatus(person, ctx.today));
    n++;
  }
  return holders;
}

/**
 * Walks the seat lists once, numbering each seat's holder once, and hands each list to every
 * visitor: each then loops over the list's seats on its own, with the list still in the cache.
 */
export function walkSeats(ctx: WalkContext, visitors: readonly SeatVisitor[]): void {
  const { holders } = ctx;
  let numbers = new Int32Array(1024);
  for (const list of ctx.inv.assignments.values()) {
    const seats = list.seats;
    if (numbers.length < seats.length) numbers = new Int32Array(Math.max(seats.length, numbers.length * 2));
    for (let i = 0; i < seats.length; i++) {
      const person = seats[i]!.person;
      numbers[i] = person === undefined ? -1 : holders.numberOf(person);
    }
    const holder = numbers.subarray(0, seats.length);
    for (const v of visitors) v.list(list, holder);
  }
  for (const v of visitors) v.end?.();
}

/** Defines a per-seat rule: run alone (`check`) it makes its own walk; `runRules` shares one. */
export function seatRule(rule: Omit<SeatRule, 'check'>): SeatRule {
  return {
    ...rule,
    check(ctx, emit) {
      const walk = { ...ctx, holders: holdersOf(ctx) };
      const visitor = rule.visit(walk, emit);
      if (visitor) walkSeats(walk, [visitor]);
    },
  };
}
