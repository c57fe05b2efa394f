import { wallClock, type ParsedFile, type ServerEvent } from '../license-server/events.ts';

// "hh:mm:ss (daemon) message" (FlexNet Publisher License Administration Guide, "Debug Log Messages"),
// or with lmgrd -datestamp "yyyy-mm-ddThh:mm:ss<offset> (daemon) message".
const PREFIX = /^\s*(\d{1,2}):(\d{2}):(\d{2}) \(([^)]+)\) ?(.*)$/;
const ISO_PREFIX = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:Z|[+-]\d{2}:?\d{2})? \(([^)]+)\) ?(.*)$/;
const EVENT = /^(OUT|IN|DENIED|UNSUPPORTED):\s*(.*)$/;
const TIMESTAMP = /^TIMESTAMP (\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/;
// The lmgrd banner names the day it started: "FlexNet Licensing (v11.19.0.0 build 2) started on srv1 (IBM PC) (3/4/2024)".
const STARTED = /(?:FlexNet Licensing|FLEXnet Licensing|FLEXlm).* started on .*\((\d{1,2})\/(\d{1,2})\/(\d{4})\)\s*$/;
const STARTS = /^(?:Server started on |REStarted )/;
const STOPS = /^(?:EXITING DUE TO SIGNAL|Shutting down )/;
// `"feature" user@host ...`, `feature user@host ...`, or the verbose `"feature" @host (n) ^^^ ver user ip ...`.
// A user may be an email address itself: the host follows the last @.
const SUBJECT = /^"?([^"\s]+)"?\s+(?:(\S+)@([^\s@]+)|@(\S+))(.*)$/;
const COUNT = /\((\d+) licenses?\)/;
const VERBOSE_USER = /\^\^\^\s+\S+\s+(\S+)/;
// Older form: "IN: "feature" user (n licenses)", "DENIED: n feature to user".
const USER_ONLY = /^"?([^"\s]+)"?\s+(\S+)(?:\s+\((\d+) licenses?\))?\s*$/;
const OLD_DENIED = /^(\d+) (\S+) to (\S+)\s*$/;
// Error -4 is "Licensed number of users already reached": the one refusal that says the pool was full.
const CAPACITY = /\(-4,\d+\)|already reached/i;

/**
 * Parses a FlexNet (lmgrd) debug log. Time lines carry their date over from the last TIMESTAMP
 * line (or the banner of a restart); an earlier time than the line before means the next day,
 * until a TIMESTAMP line says otherwise; a date that goes back is held at the last instant, so
 * no duration is ever negative. Event lines that do not parse, lines without the time prefix and
 * events before any date are skipped and reported.
 */
export function parseFlexnetLog(text: string, file: string): ParsedFile {
  const events: ServerEvent[] = [];
  const skipped: ParsedFile['skipped'] = [];
  const notes: string[] = [];
  let date: { y: number; m: number; d: number } | undefined;
  let last = -Infinity;
  let lastTime = -1;
  let midnight: { of: typeof date; at: number | undefined } = { of: undefined, at: undefined };
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const skip = (why: string) => skipped.push({ file, line, why });
    let time: [number, number, number];
    let daemon: string;
    let message: string;
    const iso = ISO_PREFIX.exec(raw);
    const plain = iso ? undefined : PREFIX.exec(raw);
    if (iso) {
      date = { y: Number(iso[1]), m: Number(iso[2]), d: Number(iso[3]) };
      time = [Number(iso[4]), Number(iso[5]), Number(iso[6])];
      daemon = iso[7]!;
      message = iso[8]!;
      lastTime = -1;
    } else if (plain) {
      time = [Number(plain[1]), Number(plain[2]), Number(plain[3])];
      daemon = plain[4]!;
      message = plain[5]!;
    } else return skip('not a debug log line ("hh:mm:ss (daemon) message")');
    // Cheap tests first: the two dated kinds of line are rare in a log of a million checkouts.
    const started = message.includes(' started on ') ? STARTED.exec(message) : null;
    const stamp = message.startsWith('TIMESTAMP ') ? TIMESTAMP.exec(message) : started;
    if (stamp) {
      date = { y: Number(stamp[3]), m: Number(stamp[1]), d: Number(stamp[2]) };
      lastTime = -1;
    }
    if (!date) return EVENT.test(message) ? skip('an event before any TIMESTAMP line: its day is unknown') : undefined;
    const seconds = time[0] * 3600 + time[1] * 60 + time[2];
    if (lastTime >= 0 && seconds < lastTime) date = nextDay(date);
    lastTime = seconds;
    // The midnight of the current day, computed once per day rather than once per line.
    if (date !== midnight.of) midnight = { of: date, at: wallClock(date.y, date.m, date.d) };
    if (midnight.at === undefined || time[0] > 23 || time[1] > 59 || time[2] > 59) return skip('an impossible date or time');
    const wall = midnight.at + seconds * 1000;
    const at = Math.max(wall, last);
    last = at;
    if (started || STARTS.test(message)) return void events.push({ kind: 'restart', at });
    if (STOPS.test(message)) return void events.push({ kind: 'restart', at, shutdown: true });
    if (stamp) return void events.push({ kind: 'mark', at });
    const event = EVENT.exec(message);
    if (!event) return;
    const parsed = parseEvent(event[1]!, event[2]!, daemon, at, notes);
    if (parsed === undefined) return skip(`an ${event[1]} line lac cannot read`);
    if (parsed) events.push(parsed);
  });
  return { events, skipped, notes };
}

function parseEvent(kind: string, rest: string, daemon: string, at: number, notes: string[]): ServerEvent | null | undefined {
  const vendor = daemon.replace(/_\d+$/, '');
  // UNSUPPORTED puts the license path between feature and user: `"f" (PORT_AT_HOST_PLUS ) user@host (...)`.
  const s = SUBJECT.exec(kind === 'UNSUPPORTED' ? rest.replace(/^("?[^"\s]+"?)\s+\([^)]*\)/, '$1') : rest);
  const old = s ? undefined : USER_ONLY.exec(rest);
  if (kind === 'DENIED' && !s) {
    const d = OLD_DENIED.exec(rest);
    return d ? { kind: 'denied', at, feature: d[2]!, user: d[3]! } : undefined;
  }
  if (!s && !old) return undefined;
  const feature = (s ?? old)![1]!;
  const tail = s ? s[5]! : '';
  const user = s ? (s[2] ?? VERBOSE_USER.exec(tail)?.[1]) : old![2];
  if (!user) return undefined;
  const key = `${vendor}|${feature}|${user}`;
  switch (kind) {
    case 'OUT':
      return { kind: 'out', at, feature, user, host: s?.[3] ?? s?.[4] ?? '', count: Number(COUNT.exec(tail)?.[1] ?? old?.[3] ?? 1), key };
    case 'IN':
      return { kind: 'in', at, key };
    case 'DENIED':
      if (!/\(/.test(tail) || CAPACITY.test(tail)) return { kind: 'denied', at, feature, user };
      notes.push(`${feature} refused to ${user} for another reason than a full pool:${tail.trim() ? ` ${tail.trim()}` : ''}`);
      return null;
    default:
      notes.push(`${feature} requested by ${user}, but no server serves it (UNSUPPORTED)`);
      return null;
  }
}

function nextDay(d: { y: number; m: number; d: number }): { y: number; m: number; d: number } {
  const n = new Date(Date.UTC(d.y, d.m - 1, d.d + 1));
  return { y: n.getUTCFullYear(), m: n.getUTCMonth() + 1, d: n.getUTCDate() };
}
