// How far each rule's findings reach, for `lac diff`. A seat rule's finding about a seat depends on
// that seat, its holder, its license and settings only: the diff runs it on the seats of the people
// whose seats or records changed. A file rule's findings depend on every seat of the file (counts,
// "the first is on line N", who holds any seat): the diff runs it on whole files. A rule not listed
// is a seat rule or reads no seats at all; a new rule that counts seats must be listed here (the
// property test in tests/diff/incremental.test.ts finds one that is not).
import type { Inventory, SeatList } from '../inventory/model.ts';
import type { Rule } from '../rules/rule.ts';

export const FILE_RULES = new Set(['duplicate-assignment', 'over-assigned', 'no-active-contract', 'retired-license-has-seats', 'unassigned-account', 'concurrent-peak-exceeds-entitlement', 'concurrent-denials']);

/** The rules split by what they read: whole seat files, or the seats of some holders. */
export function splitRules(rules: readonly Rule[]): { file: Rule[]; seat: Rule[] } {
  return { file: rules.filter((r) => FILE_RULES.has(r.id)), seat: rules.filter((r) => !FILE_RULES.has(r.id)) };
}

/** Who holds a seat: the person, else the device, else '' (a seat that names neither). */
export const holderKey = (seat: { person?: string; device?: string }): string => (seat.person !== undefined ? `p:${seat.person}` : seat.device !== undefined ? `d:${seat.device}` : '');

/** The inventory with the seat files of `narrow` licenses cut down to the seats of `holders` (positions kept). */
export function focus(inv: Inventory, narrow: ReadonlySet<string>, holders: ReadonlySet<string>): Inventory {
  const assignments = new Map<string, SeatList>();
  for (const [id, list] of inv.assignments) {
    if (!narrow.has(id)) {
      assignments.set(id, list);
      continue;
    }
    const keep = list.seats.flatMap((s, i) => (holders.has(holderKey(s)) ? [i] : []));
    assignments.set(id, { ...list, seats: keep.map((i) => list.seats[i]!), index: keep.map((i) => list.index[i]!) });
  }
  return { ...inv, assignments };
}
