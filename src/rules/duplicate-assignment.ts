import { seatLoc } from '../inventory/model.ts';
import { whoById } from './describe.ts';
import type { Rule } from './rule.ts';

/**
 * Keyed by person, and separately by device, within one license's file, whatever the tiers.
 * Applies to every license type: on a site, concurrent or usage-based license a second line for
 * the same holder costs nothing extra, but it is still a copy that drifts (two `since` dates,
 * two tiers), so it is reported there too.
 */
export const duplicateAssignment: Rule = {
  id: 'duplicate-assignment',
  severity: 'error',
  doc: 'One person (or device) holds two seats of the same license: a seat paid for twice, or a tier change that kept the old line.',
  check({ inv }, emit) {
    for (const list of inv.assignments.values()) {
      const first = { person: new Map<string, number>(), device: new Map<string, number>() };
      list.seats.forEach((seat, i) => {
        for (const field of ['person', 'device'] as const) {
          const id = seat[field];
          if (id === undefined) continue;
          const j = first[field].get(id);
          if (j === undefined) {
            first[field].set(id, i);
            continue;
          }
          const earlier = list.seats[j]!;
          const holder = field === 'person' ? whoById(inv, id) : `device ${id}`;
          emit({
            loc: seatLoc(list, i, field),
            message: `${holder} holds a second ${list.license} seat (${seat.tier} since ${seat.since}); the first is on line ${seatLoc(list, j).line} (${earlier.tier} since ${earlier.since})`,
            hint: seat.tier === earlier.tier ? 'remove one of the two lines' : 'keep one line, with the tier they need',
          });
        }
      });
    }
  },
};
