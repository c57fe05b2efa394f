import { wallClock, type ParsedFile, type ServerEvent } from '../license-server/events.ts';

// Shapes from the FlexNet Publisher License Administration Guide ("lmstat") and its published example output.
const RUN = /^Flexible License Manager status on \w+ (\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})/;
const SERVER = /^License server status: (.+)$/;
const USERS_OF = /^Users of ([^:]+):\s+\(Total of (\d+) licenses? issued;\s+Total of (\d+) licenses? in use\)/;
const USERS_OF_OTHER = /^Users of ([^:]+):\s+\((?:Uncounted|Error)/;
const USER_LINE = /^(\S+) (\S+) .*, start \w{3} \d{1,2}\/\d{1,2} \d{1,2}:\d{2}/;
const RESERVATION = /^\d+ RESERVATIONs? for /;
const FEATURE_INFO = /^(?:"[^"]+" v\S+, vendor: |floating license|nodelocked license|uncounted nodelocked license)/;

/**
 * Parses the output of `lmutil lmstat -a`, one or more runs appended to one file (a cron job):
 * each run is a moment, each "Users of" line a sample with the server's own in-use total, so a
 * borrowed seat (shown with its linger) or a reservation is counted once, as the server counts it.
 * A server list (a triad) that appears twice in one run is read once; different servers (sites)
 * add up. Lines inside a feature's block that are none of the known shapes are skipped and reported.
 */
export function parseLmstat(text: string, file: string): ParsedFile {
  const events: ServerEvent[] = [];
  const skipped: ParsedFile['skipped'] = [];
  let at: number | undefined;
  let seen = new Set<string>();
  let inSection = false;
  let feature: { sample: ServerEvent & { kind: 'sample' } } | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const skip = (why: string) => skipped.push({ file, line: i + 1, why });
    const run = RUN.exec(line);
    if (run) {
      at = wallClock(Number(run[3]), Number(run[1]), Number(run[2]), Number(run[4]), Number(run[5]));
      seen = new Set();
      feature = undefined;
      return;
    }
    const server = SERVER.exec(line);
    if (server) {
      const key = server[1]!.split(',').map((s) => s.trim().toLowerCase()).sort().join(',');
      inSection = !seen.has(key);
      seen.add(key);
      feature = undefined;
      return;
    }
    const users = USERS_OF.exec(line);
    if (users) {
      feature = undefined;
      if (!inSection) return;
      if (at === undefined) return skip('a "Users of" line before any "Flexible License Manager status on" line: its day is unknown');
      const sample = { kind: 'sample' as const, at, feature: users[1]!.trim(), inUse: Number(users[3]), users: [] as string[] };
      events.push(sample);
      feature = { sample };
      return;
    }
    if (USERS_OF_OTHER.test(line)) return void (feature = undefined);
    // A feature's block is indented: a line at the margin ends it (the next run's banner, say).
    if (line !== '' && !/^\s/.test(raw)) feature = undefined;
    if (!feature || line === '') return;
    if (FEATURE_INFO.test(line) || RESERVATION.test(line)) return;
    const user = USER_LINE.exec(line);
    if (user) return void (feature.sample.users.includes(user[1]!) || feature.sample.users.push(user[1]!));
    skip(`a line in the block of ${feature.sample.feature} that is not a user, reservation or feature line`);
  });
  return { events, skipped, notes: [] };
}
