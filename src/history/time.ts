import { addDays, dayNumber, type IsoDate } from '../util/dates.ts';
import { memoize } from '../util/memo.ts';

const MS_PER_DAY = 86_400_000;

/** How far a time zone is ahead of UTC at an instant, in milliseconds. */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return local - Math.floor(utcMs / 1000) * 1000;
}

/** The UTC instant (ms) at which a calendar day begins in a time zone. */
export function startOfDayMs(date: IsoDate, timeZone = 'UTC'): number {
  const naive = dayNumber(date) * MS_PER_DAY;
  // Two rounds settle the offset also on days when it changes (daylight saving).
  const first = naive - zoneOffsetMs(naive, timeZone);
  return naive - zoneOffsetMs(first, timeZone);
}

/** The first instant (ms) after a calendar day ends in a time zone. */
export const endOfDayMs = (date: IsoDate, timeZone = 'UTC'): number => startOfDayMs(addDays(date, 1), timeZone);

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of an instant in a time zone (called once per commit: the formatter is kept). */
export function dayIn(instant: Date, timeZone = 'UTC'): IsoDate {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(instant);
}

/** dayIn for instants written as text, each distinct one computed once: the events of a commit share its date. */
export const dayOfInstant = (timeZone: string): ((instant: string) => IsoDate) => memoize((instant: string) => dayIn(new Date(instant), timeZone));

/** Seconds since the epoch → a UTC instant such as 2026-01-10T08:30:00Z. */
export const isoInstant = (seconds: number): string => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
