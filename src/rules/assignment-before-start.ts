import { seatLoc, type SeatList } from '../inventory/model.ts';
import type { Person, Seat } from '../inventory/schema/index.ts';
import { who } from './describe.ts';
import { seatRule } from './seat-walk.ts';

const what = (list: SeatList, seat: Seat, p: Person) => `${who(p)} holds a ${list.license} ${seat.tier} seat since ${seat.since}`;

/** Person seats of every license type; device seats have no dates to compare with. */
export const assignmentBeforeStart = seatRule({
  id: 'assignment-before-start',
  severity: 'warning',
  doc: 'A seat\'s `since` lies before its holder\'s start date or after their end date: a wrong date, or a seat given to someone not (or no longer) here.',
  visit: ({ holders }, emit) => ({
    seat(list, seat, i, h) {
      if (h < 0) return;
      const start = holders.start[h];
      const end = holders.end[h];
      if (start !== undefined && seat.since < start) {
        emit({ loc: seatLoc(list, i, 'since'), message: `${what(list, seat, holders.rec[h]!.data)}, before starting on ${start}`, hint: 'correct `since`, or the start date in people.yaml' });
      } else if (end !== undefined && seat.since > end) {
        emit({ loc: seatLoc(list, i, 'since'), message: `${what(list, seat, holders.rec[h]!.data)}, after leaving on ${end}`, hint: 'correct `since` (or the end date in people.yaml); someone who has left should get no new seat' });
      }
    },
  }),
});
