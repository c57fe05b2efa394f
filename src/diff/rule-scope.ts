// How far each rule's findings reach, for `lac diff`. A seat rule's finding about a seat depends on
// that seat, its holder, its license and settings only: the diff runs it on the seats of the people
// whose seats or records changed. A file rule's findings depend on every seat of the file (counts,
// who holds any seat): the diff runs it on whole files. duplicate-assignment depends on the seats of
// holders with two or more (and their lines): it runs on those. A rule not listed is a seat rule or
// reads no seats at all; a new rule that counts seats must be listed here (the property test in
// tests/diff/incremental.test.ts finds one that is not).
import type { Inventory, SeatList } from '../inventory/model.ts';
import { textHash } from '../inventory/parse/intern.ts';
import { countedTwice } from '../inventory/parse/record-twice.ts';
import type { Seat } from '../inventory/schema/index.ts';
import type { Rule } from '../rules/rule.ts';
import { named, unmatchedSeats } from './seat-match.ts';

type View = 'file' | 'repeated' | 'seat';
const VIEWS: Record<string, View> = {
  'duplicate-assignment': 'repeated',
  'over-assigned': 'file',
  'no-active-contract': 'file',
  'retired-license-has-seats': 'file',
  'unassigned-account': 'file',
  'concurrent-peak-exceeds-entitlement': 'file',
  'concurrent-denials': 'file',
};

/** The rules by the view of the seats they run on. */
export function splitRules(rules: readonly Rule[]): Record<View, Rule[]> {
  const out: Record<View, Rule[]> = { file: [], repeated: [], seat: [] };
  for (const r of rules) out[VIEWS[r.id] ?? 'seat'].push(r);
  return out;
}

/** Whether a seat's holder is among `holders` (seat-match.ts `holderKey` strings), without building a key per seat. */
export function heldBy(holders: ReadonlySet<string>): (seat: { person?: unknown; device?: unknown }) => boolean {
  const people = new Set<unknown>();
  const devices = new Set<unknown>();
  for (const h of holders) if (h !== '') (h.startsWith('p:') ? people : devices).add(h.slice(2));
  const none = holders.has('');
  return (s) => (named(s.person) ? people.has(s.person) : named(s.device) ? devices.has(s.device) : none);
}

/** The list cut down to the seats `keep` accepts, positions kept (seatLoc reads `index`). */
function cut(list: SeatList, keep: (seat: Seat) => boolean): SeatList {
  const seats: Seat[] = [];
  const index: number[] = [];
  const all = list.seats;
  for (let i = 0; i < all.length; i++) {
    if (!keep(all[i]!)) continue;
    seats.push(all[i]!);
    index.push(list.index[i]!);
  }
  return { ...list, seats, index };
}

type Repeated = { people: Set<string>; devices: Set<string> };
const repeatedCache = new WeakMap<Seat[], Repeated>();
/** The base version of a head seat list that changed (`relate`). */
const earlier = new WeakMap<Seat[], SeatList>();

/** Tells `repeated` which seat lists of `after` are new versions of lists of `before` (the same license), so that it derives theirs. */
export function relate(before: Inventory, after: Inventory): void {
  for (const [id, list] of after.assignments) {
    const base = before.assignments.get(id);
    if (base && base.seats !== list.seats) earlier.set(list.seats, base);
  }
}

/**
 * People and devices that hold two or more seats of a list; one pass per list, shared by both sides when
 * the list did not change. A new version of a list (`relate`) starts from its base version's: only the
 * holders of the seats the two do not share (seat-match.ts; a few, for a pull request) are counted again.
 */
export function repeated(list: SeatList): Repeated {
  let out = repeatedCache.get(list.seats);
  if (out) return out;
  const base = earlier.get(list.seats);
  // A list the byte scanner read whole has its people counted already (every seat a person's, none a device's).
  const counted = countedTwice(list.seats);
  out = (base && derived(repeated(base), base.seats, list.seats)) ?? (counted ? { people: new Set(counted), devices: new Set<string>() } : { people: twice(list.seats, 'person'), devices: twice(list.seats, 'device') });
  repeatedCache.set(list.seats, out);
  return out;
}

/** `repeated` of `seats` from that of `baseSeats`; undefined when the two differ too much. */
function derived(base: Repeated, baseSeats: readonly Seat[], seats: readonly Seat[]): Repeated | undefined {
  const changed = unmatchedSeats(baseSeats as unknown as Record<string, unknown>[], seats as unknown as Record<string, unknown>[]);
  if (!changed || changed.length > 128) return undefined;
  // The people and devices of the seats that differ are counted again; every other holder's seats are the same.
  const again = { person: new Map<unknown, number>(), device: new Map<unknown, number>() };
  for (const seat of changed) for (const key of ['person', 'device'] as const) if (seat[key] !== undefined) again[key].set(seat[key], 0);
  const out = { people: new Set(base.people), devices: new Set(base.devices) };
  if (again.person.size > 0) recount(seats, (s) => s.person, again.person, out.people);
  if (again.device.size > 0) recount(seats, (s) => s.device, again.device, out.devices);
  return out;
}

/** Takes the values of `counts` out of `into`, and puts back those that two or more seats hold. */
function recount(seats: readonly Seat[], holder: (seat: Seat) => unknown, counts: Map<unknown, number>, into: Set<string>): void {
  for (const v of counts.keys()) into.delete(v as string);
  // Indexed: without TurboFan (the diff's thread) for...of allocates per seat.
  for (let i = 0; i < seats.length; i++) {
    const v = holder(seats[i]!);
    const n = v === undefined ? undefined : counts.get(v);
    if (n === undefined) continue;
    counts.set(v, n + 1);
    if (n === 1) into.add(v as string);
  }
}

/**
 * The values of `key` that two or more seats hold. An open-addressing table of seat positions in a typed
 * array, keyed by a hash of the text: a seat file of 85,000 holders costs a few milliseconds, where a
 * Set of them cost 45 (the Set's own hashing, growth and cache misses).
 */
function twice(seats: readonly Seat[], key: 'person' | 'device'): Set<string> {
  const out = new Set<string>();
  let size = 1;
  while (size < seats.length * 2) size <<= 1;
  // Made at the first seat that has the key: most lists have no device at all.
  let table: Int32Array | undefined;
  const mask = size - 1;
  for (let i = 0; i < seats.length; i++) {
    const v = seats[i]![key];
    if (v === undefined) continue;
    table ??= new Int32Array(size);
    // Seats passed their schema, so these are strings; anything else is compared as a Set would.
    let slot = typeof v === 'string' ? textHash(v) & mask : 0;
    for (;;) {
      const at = table[slot]!;
      if (at === 0) {
        table[slot] = i + 1;
        break;
      }
      if (seats[at - 1]![key] === v) {
        out.add(v);
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return out;
}

/** The inventory with seat files cut to the seats of holders with more than one. */
export function repeatedView(inv: Inventory): Inventory {
  const assignments = new Map<string, SeatList>();
  for (const [id, list] of inv.assignments) {
    const r = repeated(list);
    // Mostly nobody holds two seats of a list: no walk over its seats.
    if (r.people.size === 0 && r.devices.size === 0) assignments.set(id, { ...list, seats: [], index: [] });
    else assignments.set(id, cut(list, (s) => (s.person !== undefined && r.people.has(s.person)) || (s.device !== undefined && r.devices.has(s.device))));
  }
  return { ...inv, assignments };
}

/** The inventory with the seat files of `narrow` licenses cut down to the seats of `holders`. */
export function focus(inv: Inventory, narrow: ReadonlySet<string>, holders: ReadonlySet<string>): Inventory {
  const assignments = new Map<string, SeatList>();
  const keep = heldBy(holders);
  for (const [id, list] of inv.assignments) assignments.set(id, narrow.has(id) ? cut(list, keep) : list);
  return { ...inv, assignments };
}
