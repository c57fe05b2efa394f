/** Calendar dates as ISO strings (YYYY-MM-DD); they compare correctly as strings. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date (2026-02-30 is not one). */
export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

// Date.UTC reads years 0-99 as 1900-1999; setUTCFullYear takes the year as written.
function utcMs(year: number, monthIndex: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day);
  return d.getTime();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01. */
export function dayNumber(date: IsoDate): number {
  let n = DAY_NUMBERS.get(date);
  if (n !== undefined) return n;
  const m = ISO.exec(date);
  if (!m) throw new Error(`not an ISO date: ${date}`);
  n = utcMs(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
  if (DAY_NUMBERS.size >= DAY_NUMBERS_KEPT) DAY_NUMBERS.clear();
  DAY_NUMBERS.set(date, n);
  return n;
}

// The figures ask for the same few hundred dates millions of times (each seat's last activity against the day of a
// view): a lookup instead of a regular expression and a Date each time. Bounded: cleared when full.
const DAY_NUMBERS = new Map<string, number>();
const DAY_NUMBERS_KEPT = 100_000;

// Arithmetic stays within the years an ISO date can write (0000-9999), at its ends: a term that
// ends on 9999-12-31 renews "on 9999-12-31", not on an unreadable +010000-01-01.
const FIRST_DAY = dayNumber('0000-01-01');
const LAST_DAY = dayNumber('9999-12-31');

export function fromDayNumber(n: number): IsoDate {
  return new Date(Math.min(Math.max(n, FIRST_DAY), LAST_DAY) * MS_PER_DAY).toISOString().slice(0, 10);
}

export const addDays = (date: IsoDate, days: number): IsoDate => fromDayNumber(dayNumber(date) + days);

/** Whole days from a to b (negative when b is earlier). */
export const daysBetween = (a: IsoDate, b: IsoDate): number => dayNumber(b) - dayNumber(a);

/** Adds calendar months; the day is clamped to the month's end (2024-01-31 + 1 month = 2024-02-29). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const m = ISO.exec(date);
  if (!m) throw new Error(`not an ISO date: ${date}`);
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const year = Math.floor(total / 12);
  if (year > 9999) return '9999-12-31';
  if (year < 0) return '0000-01-01';
  const month = (total % 12) + 1;
  const day = Math.min(Number(m[3]), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole calendar months from a to b, counting a partial month as none. */
export function monthsBetween(a: IsoDate, b: IsoDate): number {
  const [ya, ma, da] = a.split('-').map(Number) as [number, number, number];
  const [yb, mb, db] = b.split('-').map(Number) as [number, number, number];
  let months = (yb - ya) * 12 + (mb - ma);
  if (db < da && !(db === daysInMonth(yb, mb) && da > db)) months--;
  return months;
}

/** Today's date in a time zone (the org's "today"). */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** True when the runtime knows the IANA time zone. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const minDate = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
export const maxDate = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
