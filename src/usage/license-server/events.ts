/**
 * What a license-server parser reads from its files, before any counting. Instants are the
 * server's wall clock as milliseconds (Date.UTC of the local date and time): logs do not say
 * their time zone, so a "day" is the server's day.
 */
export type ServerEvent =
  | { kind: 'out'; at: number; feature: string; user: string; host: string; count: number; key: string }
  | { kind: 'in'; at: number; key: string }
  | { kind: 'denied'; at: number; feature: string; user: string }
  /** The server started (seats out end at its last line before) or shut down (they end now); `server`: the file's index when there are several. */
  | { kind: 'restart'; at: number; shutdown?: true; server?: number }
  /** A line that only says what time it is (TIMESTAMP, END): seats out count up to it. */
  | { kind: 'mark'; at: number }
  /** A status report (lmstat, rlmstat): seats in use of one feature at one moment. */
  | { kind: 'sample'; at: number; feature: string; inUse: number; users: string[] };

/** A line a parser does not know, or cannot place in time: counted and shown, never guessed. */
export interface SkippedLine {
  file: string;
  line: number;
  why: string;
}

/** One file's parse: its events in file order and the lines it skipped. */
export interface ParsedFile {
  events: ServerEvent[];
  skipped: SkippedLine[];
  /** Other oddities worth a line in the pull's output (unsupported features, refused for other reasons). */
  notes: string[];
}

/** The wall-clock instant of a date and time, as milliseconds; undefined for an impossible date. */
export function wallClock(year: number, month: number, day: number, h = 0, m = 0, s = 0): number | undefined {
  const at = Date.UTC(year, month - 1, day, h, m, s);
  const d = new Date(at);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day || h > 23 || m > 59 || s > 59) return undefined;
  return at;
}

export const DAY_MS = 86_400_000;

/** The day (YYYY-MM-DD) of a wall-clock instant. */
export const dayOfInstant = (at: number): string => new Date(at).toISOString().slice(0, 10);

/** dayOfInstant with a memory of the days already named: a log has a million lines but few days. */
export function dayNamer(): (at: number) => string {
  const names = new Map<number, string>();
  return (at) => {
    const n = Math.floor(at / DAY_MS);
    let name = names.get(n);
    if (name === undefined) names.set(n, (name = dayOfInstant(n * DAY_MS)));
    return name;
  };
}

/** Splits a line into words, keeping "quoted text" (empty quotes included) as one word without its quotes. */
export function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|(\S+)/g)) out.push(m[1] ?? m[2] ?? '');
  return out;
}
