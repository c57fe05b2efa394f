import { wallClock, type ParsedFile, type ServerEvent } from '../license-server/events.ts';

// Shapes from the RLM License Administration Guide, "rlmstat" (its example output of `rlmutil rlmstat -a`).
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const RLM_UP = /^rlm status on (\S+) \(port \d+\), up (?:(\d+)d?[+ ])?(\d+):(\d{2}):(\d{2})/;
const STARTUP = /^Startup time: \w{3} (\w{3}) +(\d{1,2}) (\d{1,2}):(\d{2}):(\d{2}) (\d{4})/;
const ISV_SECTION = /^(\S+) license (pool|usage) status on (\S+) \(port (\d+)\)/;
const POOL = /^(\S+) v(\S+)$/;
const POOL_COUNT = /^count: \d+, # reservations: \d+, inuse: (\d+)/;
const USER = /^(\S+) v\S+: (\S+?)@(\S+) (\d+)\/\d+ at /;

/**
 * Parses `rlmutil rlmstat -a` output, one or more runs in one file. The moment of a run is the
 * rlm server's startup time plus its uptime. In use per product is the sum of its pools' `inuse`
 * (as the server counts it: a roaming seat once); users come from the usage lines. A server
 * (host and port) whose pools or usage are listed twice in one run is read once.
 */
export function parseRlmstat(text: string, file: string): ParsedFile {
  const events: ServerEvent[] = [];
  const skipped: ParsedFile['skipped'] = [];
  let up: number | undefined;
  let at: number | undefined;
  let pool: string | undefined;
  let current: string | undefined;
  let seen = new Set<string>();
  const samples = new Map<string, ServerEvent & { kind: 'sample' }>();
  const sample = (feature: string) => {
    const k = `${at}|${feature}`;
    let s = samples.get(k);
    if (!s && at !== undefined) {
      s = { kind: 'sample', at, feature, inUse: 0, users: [] };
      samples.set(k, s);
      events.push(s);
    }
    return s;
  };
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const rlm = RLM_UP.exec(line);
    if (rlm) {
      up = ((Number(rlm[2] ?? 0) * 24 + Number(rlm[3])) * 60 + Number(rlm[4])) * 60_000 + Number(rlm[5]) * 1000;
      at = undefined;
      seen = new Set();
      return;
    }
    const start = STARTUP.exec(line);
    if (start && up !== undefined && at === undefined) {
      const began = wallClock(Number(start[6]), MONTHS.indexOf(start[1]!) + 1, Number(start[2]), Number(start[3]), Number(start[4]), Number(start[5]));
      // Whole minutes: the same run read twice gives the same moment.
      if (began !== undefined) at = Math.floor((began + up) / 60_000) * 60_000;
      return;
    }
    const section = ISV_SECTION.exec(line);
    if (section) {
      const key = `${section[2]} ${section[3]}:${section[4]}`.toLowerCase();
      current = seen.has(key) ? undefined : section[2];
      seen.add(key);
      pool = undefined;
      return;
    }
    const p = POOL.exec(line);
    if (p) return void (pool = p[1]);
    const count = POOL_COUNT.exec(line);
    if (count && pool && current === 'pool') {
      if (at === undefined) return void skipped.push({ file, line: i + 1, why: 'a pool before the rlm status lines: its moment is unknown' });
      sample(pool)!.inUse += Number(count[1]);
      return;
    }
    const user = USER.exec(line);
    if (user && current === 'usage' && at !== undefined) {
      const s = sample(user[1]!)!;
      if (!s.users.includes(user[2]!)) s.users.push(user[2]!);
    }
  });
  return { events, skipped, notes: [] };
}
