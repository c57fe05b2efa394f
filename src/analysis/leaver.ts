import type { Person } from '../inventory/schema/index.ts';
import type { IsoDate } from '../util/dates.ts';

/**
 * Where a person stands as a leaver on a day: `left` — their end date has passed, or they are
 * marked `leaver` with no end date; `leaving` — marked `leaver` with an end date today or ahead
 * (still here); undefined — not a leaver. The one definition that check, report, reclaim and the
 * site share (issue 11: a future leaving date was shown as "Left").
 */
export type LeaverStatus = { state: 'left'; on: IsoDate | undefined } | { state: 'leaving'; on: IsoDate };

/** Whether someone whose last day is `end` has left by `day`: the last day itself is still a working day. */
export const leftBy = (end: IsoDate, day: IsoDate): boolean => end < day;

export function leaverStatus(person: Person | undefined, today: IsoDate): LeaverStatus | undefined {
  if (!person) return undefined;
  if (person.end !== undefined && leftBy(person.end, today)) return { state: 'left', on: person.end };
  if (person.status !== 'leaver') return undefined;
  return person.end === undefined ? { state: 'left', on: undefined } : { state: 'leaving', on: person.end };
}
