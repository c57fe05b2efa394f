// The people of the example directory as the demo needs them: who joined, left or went on leave
// inside the demo's time window, and when the directory and IT recorded it.
import { addDays, maxDate, minDate, type IsoDate } from '../util/dates.ts';
import { dropComment, dropField, onOrAfter, pick, setField, weekday, workday, type Line } from './text.ts';

export interface Person {
  id: string;
  name: string;
  email: string;
  github?: string;
  department?: string;
  status: string;
  start?: IsoDate;
  end?: IsoDate;
  line: Line;
}

export interface Window {
  /** The day of the first commit (the import of the spreadsheet). */
  from: IsoDate;
  /** The last day of the history: the example's "today". */
  to: IsoDate;
}

export function toPerson(line: Line): Person {
  const d = line.data;
  const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : undefined);
  return {
    id: String(d.id), name: String(d.name), email: String(d.email), status: String(d.status ?? 'active'), line,
    ...(str('github') ? { github: str('github') } : {}),
    ...(str('department') ? { department: str('department') } : {}),
    ...(str('start') ? { start: str('start') } : {}),
    ...(str('end') ? { end: str('end') } : {}),
  };
}

/** The directory line of someone before they left or went on leave: active, no end, no remark. */
export function activeLine(p: Person): string {
  let t = dropComment(p.line.text);
  t = setField(t, 'status', 'active');
  if (p.status === 'leaver') t = dropField(t, 'end');
  return t;
}

/** When HR's export adds a joiner: on the Monday after two weeks before the first day. */
export function joinRecorded(p: Person, w: Window): IsoDate | null {
  if (!p.start || p.start <= addDays(w.from, 14)) return null;
  return minDate(onOrAfter(addDays(p.start, -14), 1), w.to);
}

/** The day the person's departure became known: the last day, or the resignation for a leaver still in notice. */
function departureKnown(p: Person, w: Window): IsoDate {
  if (p.end! <= w.to) return p.end!;
  const resigned = /resigned (\d{4}-\d{2}-\d{2})/.exec(p.line.text)?.[1];
  return resigned ?? addDays(w.to, -10);
}

/** A leaver whose departure falls inside the window (before it, they are in the import as leavers already). */
export const leftInWindow = (p: Person, w: Window): boolean => p.status === 'leaver' && p.end !== undefined && p.end > w.from;

/** When the export records the leaver: the Monday after the departure became known. */
export const leaveRecorded = (p: Person, w: Window): IsoDate => minDate(onOrAfter(addDays(departureKnown(p, w), 1), 1), w.to);

/** The last working day, when IT removes the leaver's seats (null while still in notice). */
export function offboardDay(p: Person, w: Window): IsoDate | null {
  if (!p.end || p.end > w.to) return null;
  const day = weekday(p.end);
  return day === 6 ? addDays(p.end, -1) : day === 0 ? addDays(p.end, -2) : p.end;
}

/** When someone on leave now started it: some months after they joined, weeks before today. */
export function leaveStarted(p: Person, w: Window, seatSince: IsoDate): IsoDate {
  const earliest = maxDate(maxDate(addDays(w.from, 30), p.start ? addDays(p.start, 60) : w.from), addDays(seatSince, 30));
  const latest = addDays(w.to, -21);
  if (earliest >= latest) return latest;
  const span = Math.round((Date.parse(latest) - Date.parse(earliest)) / 86400000);
  return workday(addDays(earliest, pick(`leave:${p.id}`, 0, span)));
}
