// An RFC 5545 iCalendar writer: CRLF line ends, lines folded at 75 octets, TEXT values escaped.
// Only what lac needs: all-day events with display alarms.

export interface CalendarAlarm {
  /** Fires this many days before the event's day, at `atHour` local time (floating). */
  daysBefore: number;
  description: string;
}

export interface CalendarEvent {
  /** Globally unique and stable across runs, so a re-import updates the event instead of adding one. */
  uid: string;
  /** UTC instant YYYY-MM-DDTHH:MM:SSZ. */
  dtstamp: string;
  /** The all-day event's date, YYYY-MM-DD. */
  date: string;
  summary: string;
  description?: string;
  categories?: string[];
  url?: string;
  alarms?: CalendarAlarm[];
}

export interface Calendar {
  prodId: string;
  name?: string;
  timeZone?: string;
  events: CalendarEvent[];
}

const encoder = new TextEncoder();

/** TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line into lines of at most 75 octets (3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // The first line holds 75 octets; each continuation begins with a space, leaving 74.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compactDate = (date: string) => date.replaceAll('-', '');
const compactInstant = (instant: string) => instant.replace(/[-:]/g, '').replace(/\.\d+/, '');

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A duration (3.3.6) for a trigger `daysBefore` days before the day's start, at `atHour` o'clock. */
export function alarmTrigger(daysBefore: number, atHour = 9): string {
  const minutes = daysBefore * 24 * 60 - atHour * 60;
  const abs = Math.abs(minutes);
  const days = Math.floor(abs / 1440);
  const hours = Math.floor((abs % 1440) / 60);
  const mins = abs % 60;
  const time = hours || mins ? `T${hours ? `${hours}H` : ''}${mins ? `${mins}M` : ''}` : '';
  const body = days || time ? `P${days ? `${days}D` : ''}${time}` : 'PT0S';
  return minutes > 0 ? `-${body}` : body;
}

function eventLines(e: CalendarEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${compactInstant(e.dtstamp)}`,
    `DTSTART;VALUE=DATE:${compactDate(e.date)}`,
    `DTEND;VALUE=DATE:${compactDate(nextDay(e.date))}`,
    `SUMMARY:${escapeText(e.summary)}`,
  ];
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
  if (e.url) lines.push(`URL:${e.url}`);
  lines.push('TRANSP:TRANSPARENT');
  for (const a of e.alarms ?? []) {
    lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(a.description)}`, `TRIGGER:${alarmTrigger(a.daysBefore)}`, 'END:VALARM');
  }
  lines.push('END:VEVENT');
  return lines;
}

/** The whole calendar as iCalendar text: the same input gives the same bytes. */
export function writeCalendar(cal: Calendar): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${cal.prodId}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (cal.name) lines.push(`X-WR-CALNAME:${escapeText(cal.name)}`);
  if (cal.timeZone) lines.push(`X-WR-TIMEZONE:${escapeText(cal.timeZone)}`);
  for (const e of cal.events) lines.push(...eventLines(e));
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
