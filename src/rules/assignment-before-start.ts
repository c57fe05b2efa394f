import { seatLoc } from '../inventory/model.ts';
import { who } from './describe.ts';
import type { Rule } from './rule.ts';

/** Person seats of every license type; device seats have no dates to compare with. */
export const assignmentBeforeStart: Rule = {
  id: 'assignment-before-start',
  severity: 'warning',
  doc: 'A seat\'s `since` lies before its holder\'s start date or after their end date: a wrong date, or a seat given to someone not (or no longer) here.',
  check({ inv }, emit) {
    for (const list of inv.assignments.values()) {
      list.seats.forEach((seat, i) => {
        const p = seat.person === undefined ? undefined : inv.people.get(seat.person)?.data;
        if (!p) return;
        const what = () => `${who(p)} holds a ${list.license} ${seat.tier} seat since ${seat.since}`;
        if (p.start !== undefined && seat.since < p.start) {
          emit({ loc: seatLoc(list, i, 'since'), message: `${what()}, before starting on ${p.start}`, hint: 'correct `since`, or the start date in people.yaml' });
        } else if (p.end !== undefined && seat.since > p.end) {
          emit({ loc: seatLoc(list, i, 'since'), message: `${what()}, after leaving on ${p.end}`, hint: 'correct `since` (or the end date in people.yaml); someone who has left should get no new seat' });
        }
      });
    }
  },
};
