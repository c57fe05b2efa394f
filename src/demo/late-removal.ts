// One leaver's seat that IT missed in the offboarding pull request and removed a week and a half
// later: the demo's offboarding evidence (lac report, the site) then shows a removal after the last day.
import { addDays, minDate, type IsoDate } from '../util/dates.ts';
import { leftInWindow, offboardDay, type Person, type Window } from './people.ts';
import { unit, workday } from './text.ts';

/** Calendar days after the last working day that the missed seat goes (moved to a working day). */
const LATE_BY = 10;

/** The leaver whose first seat is removed late, and the day it goes; undefined when no leaver leaves inside the window. */
export function lateRemoval(people: Iterable<Person>, w: Window): { person: string; day: IsoDate } | undefined {
  const candidates = [...people]
    .filter((p) => leftInWindow(p, w) && offboardDay(p, w) !== null && addDays(offboardDay(p, w)!, LATE_BY + 2) <= w.to)
    .sort((a, b) => unit(`late-removal:${a.id}`) - unit(`late-removal:${b.id}`) || (a.id < b.id ? -1 : 1));
  const p = candidates[0];
  return p ? { person: p.id, day: minDate(workday(addDays(offboardDay(p, w)!, LATE_BY)), w.to) } : undefined;
}
