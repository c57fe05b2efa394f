import { leaverStatus } from '../analysis/leaver.ts';
import { seatLoc } from '../inventory/model.ts';
import type { Rule } from './rule.ts';

/** Every license type: a leaver's line on a site or usage-based license is access that should be gone, even if it costs nothing. */
export const seatHeldByLeaver: Rule = {
  id: 'seat-held-by-leaver',
  severity: 'error',
  doc: 'A seat is held by someone who has left (an error once their end date has passed, a warning before): money spent on nobody, and access that should be gone.',
  check({ inv, today }, emit) {
    for (const list of inv.assignments.values()) {
      list.seats.forEach((seat, i) => {
        const person = seat.person ? inv.people.get(seat.person)?.data : undefined;
        const leaver = leaverStatus(person, today);
        if (!person || !leaver) return;
        if (leaver.state === 'leaving') {
          emit({ loc: seatLoc(list, i, 'person'), severity: 'warning', message: `${person.name} (${person.id}) leaves on ${leaver.on} and still holds a ${list.license} ${seat.tier} seat`, hint: 'plan to remove this seat on the leaving date' });
          return;
        }
        const when = leaver.on ? `left on ${leaver.on}` : 'is a leaver';
        emit({ loc: seatLoc(list, i, 'person'), message: `${person.name} (${person.id}) ${when} and still holds a ${list.license} ${seat.tier} seat`, hint: 'remove this line (and the account at the vendor)' });
      });
    }
  },
};
