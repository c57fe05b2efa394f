import { dayIn } from '../../history/time.ts';

/**
 * The day (YYYY-MM-DD) of a vendor timestamp in the org's time zone (UTC when none is given):
 * the one place a vendor instant becomes a date (issue 11: `2026-11-14T20:00:00-06:00` is
 * 2026-11-15 in UTC and in Europe/Berlin; cutting the text would say 2026-11-14).
 * A date without a time is taken as written. Returns null for the "never" sentinels vendors use instead of an empty value:
 * the Unix epoch (Google's `1970-01-01T00:00:00.000Z`, epoch 0) and .NET's `0001-01-01`.
 * Returns undefined for an empty or unreadable value: the caller decides what absence means.
 */
export function dayOf(value: unknown, timeZone = 'UTC'): string | null | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return dayOfEpochMs(value, timeZone);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text.startsWith('0001-') || text === '1970-01-01' ? null : validDay(text);
  // A date-time without an offset is read as UTC, not as the machine's local time (Date.parse would).
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(text) ? `${text}Z` : text);
  if (Number.isNaN(ms)) return undefined;
  return dayOfEpochMs(ms, timeZone);
}

function dayOfEpochMs(ms: number, timeZone: string): string | null | undefined {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return undefined;
  if (ms <= 0) return null; // the epoch or earlier (incl. 0001-01-01) means "never"
  return dayIn(new Date(ms), timeZone);
}

function validDay(day: string): string | undefined {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) return undefined;
  return day;
}

/** The latest of several days; null when none is known but one source said "never"; else undefined. */
export function latestDay(...days: (string | null | undefined)[]): string | null | undefined {
  let latest: string | undefined;
  let never = false;
  for (const day of days) {
    if (day === null) never = true;
    else if (day !== undefined && (latest === undefined || day > latest)) latest = day;
  }
  return latest ?? (never ? null : undefined);
}

/** Adds (or subtracts) whole days to an ISO date. */
export function addDays(day: string, delta: number): string {
  const ms = Date.parse(`${day}T00:00:00Z`) + delta * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}
