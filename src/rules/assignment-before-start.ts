import { seatLoc, type SeatList } from '../inventory/model.ts';
import type { Person, Seat } from '../inventory/schema/index.ts';
import { who } from './describe.ts';
import { dateOrdinal, seatRule } from './seat-walk.ts';

const what = (list: SeatList, seat: Seat, p: Person) => `${who(p)} holds a ${list.license} ${seat.tier} seat since ${seat.since}`;

/** Person seats of every license type; device seats have no dates to compare with. */
export const assignmentBeforeStart = seatRule({
  id: 'assignment-before-start',
  severity: 'warning',
  doc: 'A seat\'s `since` lies before its holder\'s start date or after their end date: a wrong date, or a seat given to someone not (or no longer) here.',
  visit: ({ holders }, emit) => ({
    list(list, holder) {
      const seats = list.seats;
      for (let i = 0; i < seats.length; i++) {
        const h = holder[i]!;
        if (h < 0) continue;
        const start = holders.startDay[h]!;
        const end = holders.endDay[h]!;
        if (start === 0 && end === 0) continue;
        const seat = seats[i]!;
        const since = dateOrdinal(seat.since);
        if (start !== 0 && since < start) {
          const p = holders.rec[h]!.data;
          emit({ loc: seatLoc(list, i, 'since'), message: `${what(list, seat, p)}, before starting on ${p.start}`, hint: 'correct `since`, or the start date in people.yaml' });
        } else if (end !== 0 && since > end) {
          const p = holders.rec[h]!.data;
          emit({ loc: seatLoc(list, i, 'since'), message: `${what(list, seat, p)}, after leaving on ${p.end}`, hint: 'correct `since` (or the end date in people.yaml); someone who has left should get no new seat' });
        }
      }
    },
  }),
});
