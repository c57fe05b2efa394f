import type { Seat } from '../inventory/schema/index.ts';
import { addDays } from '../util/dates.ts';
import type { SynthSeats } from './assignments.ts';
import type { SynthLicense } from './licenses.ts';
import type { SynthPeople } from './people.ts';
import type { Random } from './random.ts';

/** What was planted, so tests and the benchmark know which findings to expect. */
export interface Planted {
  leaverSeats: number;
  futureLeaverSeats: number;
  unknownAssignees: number;
}

/**
 * Plants the seat problems a real inventory has: leavers who still hold seats (past their end
 * date: errors; one leaving soon: a warning) and a seat for a misspelt person ID.
 */
export function plantSeatProblems(rng: Random, people: SynthPeople, licenses: SynthLicense[], seats: SynthSeats[], today: string): Planted {
  const planted: Planted = { leaverSeats: 0, futureLeaverSeats: 0, unknownAssignees: 0 };
  const named = licenses.map((_, i) => i).filter((i) => licenses[i]!.license.type !== 'device');
  if (people.leavers.length === 0 || named.length === 0) return planted;
  const count = Math.min(people.leavers.length, Math.max(3, Math.round(people.list.length / 20000)));
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(rng.pick(people.leavers));
  const leavers = [...chosen];
  leavers.forEach((p, n) => {
    const person = people.list[p]!;
    // The first one leaves in two weeks: still a leaver in HR, but the seat is only a warning.
    if (n === 0) person.end = addDays(today, 14);
    const li = rng.pick(named);
    if (!insertSeat(seats[li]!, { person: person.id, tier: licenses[li]!.license.tiers[0]!.id, since: person.start! })) return;
    if (n === 0) planted.futureLeaverSeats++;
    else planted.leaverSeats++;
  });
  const holder = people.list[rng.pick(people.pool)]!.id;
  const typo = holder.length > 4 ? holder.slice(0, 2) + holder.slice(3) : `${holder}x`;
  if (!people.list.some((p) => p.id === typo)) {
    const li = rng.pick(named);
    if (insertSeat(seats[li]!, { person: typo, tier: licenses[li]!.license.tiers[0]!.id, since: addDays(today, -30) })) planted.unknownAssignees++;
  }
  return planted;
}

/** Inserts a seat where it sorts by person ID, unless that person already holds one. */
function insertSeat(list: SynthSeats, seat: Seat): boolean {
  if (list.seats.some((s) => s.person === seat.person)) return false;
  const at = list.seats.findIndex((s) => s.person !== undefined && s.person > seat.person!);
  list.seats.splice(at === -1 ? list.seats.length : at, 0, seat);
  return true;
}
