import { wallClock, words, type ParsedFile, type ServerEvent } from '../license-server/events.ts';

// Record shapes from the RLM License Administration Guide, "Reportlog File Format" (std, small, detailed).
const FULL_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const SHORT_DATE = /^(\d{1,2})\/(\d{1,2})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
// Records that carry nothing lac counts (authentication, queueing, roaming, metering, rereads...).
const IGNORED = new Set(['TIMEZONE', 'LICENSE', 'PRODUCT', 'AUTH', 'QUE', 'DEQUE', 'ROAM_EXTEND', 'REREAD', 'SWITCH', 'METER', 'DYNRES', 'TEMP', 'REPROCESSED', 'ISV:', 'TIMEJUMP', 'ISV_DATA', 'LOG']);

// Word positions of product, user, host, count and server handle in each checkout record.
const FIELDS = { OUT: [1, 4, 5, 7, 10], OUT_SMALL: [1, 3, 4, 6, 7], INUSE: [1, 4, 5, 7, 8] } as const;

interface Clock {
  y: number;
  m: number;
  d: number;
}

/**
 * Parses an RLM report log. Records with only mm/dd take their year from the last START,
 * TIMESTAMP or END record (a month before the last one means the next year); small-format
 * records with only hh:mm take their day from it. Check-ins find their check-out by server
 * handle; INUSE records (at the start and the end of a log) open a seat only once. Only final
 * denials (last_attempt non-zero) are denials: the others were retried on another server.
 */
export function parseReportLog(text: string, file: string): ParsedFile {
  const events: ServerEvent[] = [];
  const skipped: ParsedFile['skipped'] = [];
  let small = false;
  let inHeader = false;
  let clock: Clock | undefined;
  let last = -Infinity;
  let generation = 0;
  const open = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const skip = (why: string) => skipped.push({ file, line: i + 1, why });
    const w = words(raw.trim());
    const head = w[0]!;
    if (raw.startsWith('RLM Report Log Format')) {
      small = /Format 1\b/.test(raw);
      inHeader = true;
      return;
    }
    const when = (dateWord: string | undefined, timeWord: string | undefined): number | undefined => {
      const t = TIME.exec(timeWord ?? '');
      if (!t) return undefined;
      const full = FULL_DATE.exec(dateWord ?? '');
      const short = SHORT_DATE.exec(dateWord ?? '');
      if (full) clock = { y: Number(full[3]), m: Number(full[1]), d: Number(full[2]) };
      else if (short && clock) {
        const m = Number(short[1]);
        clock = { y: clock.y + (m < clock.m ? 1 : 0), m, d: Number(short[2]) };
      } else if (dateWord !== undefined || !clock) return undefined;
      const at = wallClock(clock.y, clock.m, clock.d, Number(t[1]), Number(t[2]), Number(t[3] ?? 0));
      if (at === undefined) return undefined;
      last = Math.max(at, last);
      return last;
    };
    // The time is the last date/time pair of a record; detailed records add fields after it.
    const stamped = (): number | undefined => {
      const idx = w.findIndex((x, k) => k > 0 && (SHORT_DATE.test(x) || FULL_DATE.test(x)) && TIME.test(w[k + 1] ?? ''));
      return idx > 0 ? when(w[idx], w[idx + 1]) : when(undefined, w.at(-1));
    };
    if (head === 'START' || head === 'TIMESTAMP' || head === 'END' || head === 'SHUTDOWN') {
      if (head === 'START') inHeader = false;
      const at = stamped();
      if (at === undefined) return skip(`a ${head} record without a date lac can read`);
      if (head === 'START' || head === 'SHUTDOWN') {
        events.push(head === 'START' ? { kind: 'restart', at } : { kind: 'restart', at, shutdown: true });
        open.clear();
        generation++;
      } else events.push({ kind: 'mark', at });
      return;
    }
    if (IGNORED.has(head)) return;
    if (!['OUT', 'IN', 'DENY', 'INUSE'].includes(head)) return inHeader ? undefined : skip(`a record lac does not know (${head.slice(0, 20)})`);
    const at = stamped();
    if (at === undefined) return skip(`a ${head} record before any dated record, or without a time`);
    // Handles are reused after a restart: they are keyed by the server's run.
    const key = (handle: string | undefined) => `${generation}|${handle}`;
    if (head === 'OUT' || head === 'INUSE') {
      const at_ = FIELDS[head === 'INUSE' ? 'INUSE' : small ? 'OUT_SMALL' : 'OUT'];
      const [feature, user, host, count, handle] = at_.map((k) => w[k]);
      if (!feature || user === undefined || !handle || !/^\d+$/.test(count ?? '')) return skip(`an ${head} record lac cannot read`);
      if (open.has(key(handle))) return;
      open.add(key(handle));
      events.push({ kind: 'out', at, feature, user: user || '(no user)', host: host ?? '', count: Number(count), key: key(handle) });
      return;
    }
    if (head === 'IN') {
      const handle = small ? w[3] : w[10];
      if (!handle) return skip('an IN record lac cannot read');
      open.delete(key(handle));
      events.push({ kind: 'in', at, key: key(handle) });
      return;
    }
    const [feature, user, lastAttempt] = [w[1], w[3], w[8]];
    if (!feature || !user || lastAttempt === undefined) return skip('a DENY record lac cannot read');
    if (lastAttempt !== '0') events.push({ kind: 'denied', at, feature, user });
  });
  return { events, skipped, notes: [] };
}
