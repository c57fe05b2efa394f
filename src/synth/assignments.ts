import type { Seat } from '../inventory/schema/index.ts';
import { dayNumber, fromDayNumber } from '../util/dates.ts';
import type { SynthLicense } from './licenses.ts';
import type { SynthPeople } from './people.ts';
import type { Random } from './random.ts';

/** The seats of one license, in file order (sorted by holder). */
export interface SynthSeats {
  license: string;
  seats: Seat[];
}

const NOTES = ['Contractor until the end of the quarter', 'Exempt: needed for the SOC 2 audit', 'Temporary, project Helix', 'Shared with the on-call rotation'];

/** Draws the holders of every license's seats: distinct people, mostly from the license's department. */
export function makeAssignments(rng: Random, licenses: SynthLicense[], counts: number[], people: SynthPeople, today: string): SynthSeats[] {
  const dates = new DateTable(today);
  const startDay = people.list.map((p) => dayNumber(p.start!));
  const rank = idRanks(people);
  const pool = Int32Array.from(people.pool);
  const deptPools = people.members.map((m) => Int32Array.from(m.filter((i) => people.list[i]!.status !== 'leaver')));
  const stamp = new Int32Array(people.list.length).fill(-1);
  return licenses.map((l, li) => {
    const k = counts[li]!;
    const tiers = l.license.tiers.map((t) => t.id);
    const since = (person: number) => dates.between(person >= 0 ? startDay[person]! : dates.today - 1500, rng);
    if (l.license.type === 'device') return { license: l.license.id, seats: deviceSeats(rng, l, k, pool, stamp, li, since) };
    const affine = l.affinity >= 0 ? Math.min(Math.round(k * 0.7), deptPools[l.affinity]!.length) : 0;
    const holders: number[] = [];
    draw(rng, deptPools[l.affinity] ?? new Int32Array(0), affine, stamp, li, holders);
    draw(rng, pool, k - holders.length, stamp, li, holders);
    holders.sort((a, b) => rank[a]! - rank[b]!);
    const seats = holders.map((h): Seat => {
      const seat: Seat = { person: people.list[h]!.id, tier: rng.weighted(tiers, l.tierWeights), since: since(h) };
      if (rng.chance(0.005)) seat.note = rng.pick(NOTES);
      return seat;
    });
    return { license: l.license.id, seats };
  });
}

/** Partial Fisher-Yates over `from`, skipping people already holding this license (stamped). */
function draw(rng: Random, from: Int32Array, want: number, stamp: Int32Array, mark: number, out: number[]): void {
  let got = 0;
  for (let j = 0; j < from.length && got < want; j++) {
    const r = j + Math.floor(rng.next() * (from.length - j));
    const pick = from[r]!;
    from[r] = from[j]!;
    from[j] = pick;
    if (stamp[pick] === mark) continue;
    stamp[pick] = mark;
    out.push(pick);
    got++;
  }
}

/** Device seats name the device only: workstations (one per user, dated from the user's start) and servers. */
function deviceSeats(rng: Random, l: SynthLicense, k: number, pool: Int32Array, stamp: Int32Array, mark: number, since: (p: number) => string): Seat[] {
  const stations = Math.min(Math.round(k * 0.7), Math.floor(pool.length * 0.8));
  const holders: number[] = [];
  draw(rng, pool, stations, stamp, mark, holders);
  const seats: Seat[] = [];
  const prefix = l.license.id.slice(0, 3);
  holders.forEach((h, n) => seats.push({ device: `${prefix}-ws-${String(n + 1).padStart(6, '0')}`, tier: 'workstation', since: since(h) }));
  for (let n = holders.length; n < k; n++) seats.push({ device: `${prefix}-srv-${String(n + 1).padStart(6, '0')}`, tier: 'server', since: since(-1) });
  // Device files list seats by device name.
  return seats.sort((a, b) => (a.device! < b.device! ? -1 : 1));
}

/** Each person's position when people are sorted by ID (seat files list holders by ID). */
function idRanks(people: SynthPeople): Int32Array {
  const order = people.list.map((_, i) => i).sort((a, b) => (people.list[a]!.id < people.list[b]!.id ? -1 : 1));
  const rank = new Int32Array(order.length);
  order.forEach((p, r) => (rank[p] = r));
  return rank;
}

/** ISO strings of every day in a window, so a million seats do not each format a date. */
class DateTable {
  readonly today: number;
  #first: number;
  #names: string[];

  constructor(today: string) {
    this.today = dayNumber(today);
    this.#first = this.today - 6000;
    this.#names = Array.from({ length: 6001 }, (_, i) => fromDayNumber(this.#first + i));
  }

  /** A uniformly drawn day from `fromDay` up to yesterday. */
  between(fromDay: number, rng: Random): string {
    const lo = Math.max(fromDay, this.#first);
    const hi = this.today - 1;
    const day = lo >= hi ? hi : lo + Math.floor(rng.next() * (hi - lo + 1));
    return this.#names[day - this.#first]!;
  }
}
