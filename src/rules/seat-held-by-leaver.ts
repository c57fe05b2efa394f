import { seatLoc } from '../inventory/model.ts';
import { seatRule } from './seat-walk.ts';

/** Every license type: a leaver's line on a site or usage-based license is access that should be gone, even if it costs nothing. */
export const seatHeldByLeaver = seatRule({
  id: 'seat-held-by-leaver',
  severity: 'error',
  doc: 'A seat is held by someone who has left (an error once their end date has passed, a warning before): money spent on nobody, and access that should be gone.',
  visit: ({ holders }, emit) => ({
    list(list, holder) {
      for (let i = 0; i < holder.length; i++) {
        const h = holder[i]!;
        // The holder's leaverStatus (src/analysis/leaver.ts) as of today, computed once per person.
        const leaver = h < 0 ? undefined : holders.leaver[h];
        if (!leaver) continue;
        const person = holders.rec[h]!.data;
        const seat = list.seats[i]!;
        if (leaver.state === 'leaving') {
          emit({ loc: seatLoc(list, i, 'person'), severity: 'warning', message: `${person.name} (${person.id}) leaves on ${leaver.on} and still holds a ${list.license} ${seat.tier} seat`, hint: 'plan to remove this seat on the leaving date' });
          continue;
        }
        const when = leaver.on ? `left on ${leaver.on}` : 'is a leaver';
        emit({ loc: seatLoc(list, i, 'person'), message: `${person.name} (${person.id}) ${when} and still holds a ${list.license} ${seat.tier} seat`, hint: 'remove this line (and the account at the vendor)' });
      }
    },
  }),
});
