// The history benchmark's repository: a synthetic org's initial commit, then seat moves, joiners,
// leavers, contract edits and weekly usage snapshots, one commit each on the first-parent line
// (a fifth of them merged pull requests), written as one `git fast-import` stream.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { synthesize } from '../src/synth/index.ts';
import { Random } from '../src/synth/random.ts';
import { document, flow } from '../src/synth/yaml.ts';

type Obj = Record<string, unknown>;
const DAY = 86_400;
const addDays = (iso: string, n: number) => new Date(Date.parse(iso) + n * DAY * 1000).toISOString().slice(0, 10);
const rendered = new WeakMap<Obj, string>();
/** A record's list line; records are replaced, never edited, so a line is rendered once. */
function line(r: Obj): string {
  let text = rendered.get(r);
  if (text === undefined) rendered.set(r, (text = `  - ${flow(r as never)}\n`));
  return text;
}

/** What the generator made: commits on the first-parent line, and the kinds of change among them. */
export interface RepoStats {
  commits: number;
  people: number;
  kinds: Record<string, number>;
}

/** The mutable inventory the commits edit; each file is rendered again only when it changes. */
class Inventory {
  people: Obj[];
  seats = new Map<string, Obj[]>();
  contracts: Obj[];
  usage: string[];
  changed = new Map<string, string | null>();
  constructor(records: ReturnType<typeof synthesize>['records']) {
    this.people = records.people.map((p) => ({ ...p }) as Obj);
    for (const s of records.seats) this.seats.set(s.license, s.seats.map((x) => ({ ...x }) as Obj));
    this.contracts = records.contracts.map((c) => ({ ...c }) as Obj);
    // Usage is pulled for the mid-sized licenses: a few with 50 to 800 seats.
    this.usage = [...this.seats].filter(([, s]) => s.length >= 50 && s.length <= 800).slice(0, 6).map(([l]) => l);
  }
  peopleText(): string {
    return `# yaml-language-server: $schema=../schemas/people.schema.json\npeople:\n${this.people.map(line).join('')}`;
  }
  seatsText(license: string): string {
    const seats = this.seats.get(license)!;
    return `# yaml-language-server: $schema=../../schemas/assignments.schema.json\nlicense: ${license}\n${seats.length ? `seats:\n${seats.map(line).join('')}` : 'seats: []\n'}`;
  }
  touchPeople() {
    this.changed.set('inventory/people.yaml', this.peopleText());
  }
  touchSeats(license: string) {
    this.changed.set(`inventory/assignments/${license}.yaml`, this.seatsText(license));
  }
  touchContract(c: Obj) {
    this.changed.set(`inventory/contracts/${String(c.id)}.yaml`, document(c as never, '# yaml-language-server: $schema=../../schemas/contract.schema.json'));
  }
}

/** One change of the mix; returns its kind (the commit message names it). */
function change(inv: Inventory, rng: Random, day: string, n: number): string {
  const licenses = [...inv.seats.keys()];
  const active = () => {
    for (;;) {
      const p = rng.pick(inv.people);
      if (p.status === 'active') return p;
    }
  };
  const r = rng.next();
  if (r < 0.5) {
    // A seat move: one seat changes tier, or goes to someone else.
    const license = rng.pick(licenses);
    const seats = inv.seats.get(license)!;
    if (seats.length === 0) return change(inv, rng, day, n);
    const i = rng.int(0, seats.length - 1);
    const taken = new Set(seats.map((s) => s.person));
    const p = active();
    if (rng.chance(0.5) || taken.has(p.id)) seats[i] = { ...seats[i], tier: seats[i]!.tier === 'viewer' ? 'full' : 'viewer' };
    else seats.splice(i, 1, { person: p.id, tier: seats[i]!.tier, since: day });
    inv.touchSeats(license);
    return 'seat move';
  }
  if (r < 0.7) {
    const id = `joiner${n}`;
    const p = { id, name: `Joiner ${n}`, email: `${id}@synthetic.example`, department: rng.pick(inv.people).department, status: 'active', start: day };
    const at = inv.people.findIndex((x) => String(x.id) > id);
    inv.people.splice(at < 0 ? inv.people.length : at, 0, p);
    inv.touchPeople();
    for (let k = rng.int(1, 3); k > 0; k--) {
      const license = rng.pick(licenses);
      inv.seats.get(license)!.push({ person: id, tier: 'full', since: day });
      inv.touchSeats(license);
    }
    return 'joiner';
  }
  if (r < 0.85) {
    // A leaver: status and last day in people.yaml, and every seat taken back.
    const p = active();
    const i = inv.people.indexOf(p);
    inv.people[i] = { ...p, status: 'leaver', end: day };
    inv.touchPeople();
    for (const [license, seats] of inv.seats) {
      const k = seats.findIndex((s) => s.person === p.id);
      if (k >= 0) {
        seats.splice(k, 1);
        inv.touchSeats(license);
      }
    }
    return 'leaver';
  }
  const c = rng.pick(inv.contracts);
  const lines = (c.lines as Obj[]).map((l) => ({ ...l }));
  if (typeof c.end === 'string' && rng.chance(0.4)) {
    Object.assign(c, { start: addDays(String(c.end), 1), end: addDays(String(c.end), 365) });
  } else {
    const l = rng.pick(lines);
    if (rng.chance(0.5) && typeof l.unit_price === 'string') l.unit_price = (Number(l.unit_price) * 1.05).toFixed(2);
    else if (typeof l.quantity === 'number') l.quantity += rng.int(1, 20);
  }
  c.lines = lines;
  inv.touchContract(c);
  return 'contract edit';
}

/** This week's usage snapshot of every license with usage: most accounts' last activity moves on. */
function snapshots(inv: Inventory, rng: Random, taken: string): void {
  for (const license of inv.usage) {
    const accounts = inv.seats.get(license)!.map((s) => {
      const last = rng.chance(0.7) ? taken.slice(0, 10) : addDays(taken.slice(0, 10), -rng.int(8, 120));
      return line({ account: `${String(s.person)}@synthetic.example`, person: s.person, status: 'active', last_active: last });
    });
    inv.changed.set(`inventory/usage/${license}.yaml`, `# yaml-language-server: $schema=../../schemas/usage.schema.json\nlicense: ${license}\nsource: csv\ntaken: ${taken}\naccounts:\n${accounts.join('')}`);
  }
}

/** Writes the fast-import stream of the whole history. */
export async function writeHistory(out: Writable, commits: number, people: number, seed: number): Promise<RepoStats> {
  const org = synthesize({ people, seed, today: '2019-12-31' });
  const inv = new Inventory(org.records);
  const rng = new Random(`lac-bench-history:${seed}`);
  const kinds: Record<string, number> = {};
  let time = Date.parse('2020-01-01T09:00:00Z') / 1000;
  let mark = 0;
  let head = 0;
  let lastWeek = -1;
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const files = (changed: Map<string, string | null>) => [...changed].map(([p, t]) => (t === null ? `D ${p}\n` : `M 100644 inline ${p}\n${data(t)}`)).join('');
  const commit = async (ref: string, message: string, changed: Map<string, string | null>, from: number, merge?: number) => {
    mark++;
    const m = mark;
    const who = `Bench Bot <bot@synthetic.example> ${time} +0000`;
    // Waits for fast-import to take the text: the stream of 10,000 commits is gigabytes.
    if (!out.write(`commit ${ref}\nmark :${mark}\nauthor ${who}\ncommitter ${who}\n${data(message)}${from ? `from :${from}\n` : ''}${merge ? `merge :${merge}\n` : ''}${files(changed)}\n`)) await once(out, 'drain');
    return m;
  };
  head = await commit('refs/heads/main', 'Initial inventory', new Map(org.files), 0);
  for (let n = 1; n < commits; n++) {
    time += 6 * 3600;
    const day = new Date(time * 1000).toISOString().slice(0, 10);
    const week = Math.floor(time / (7 * DAY));
    let kind: string;
    if (week !== lastWeek && n > 1) {
      snapshots(inv, rng, new Date(time * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'));
      kind = 'usage snapshot';
    } else kind = change(inv, rng, day, n);
    lastWeek = week;
    kinds[kind] = (kinds[kind] ?? 0) + 1;
    if (rng.chance(0.2)) {
      // A merged pull request: the change on a branch, then the merge commit on main.
      const side = await commit('refs/heads/pr', `${kind} ${n}`, inv.changed, head);
      head = await commit('refs/heads/main', `Merge pull request #${n} from synthetic/change-${n}`, inv.changed, head, side);
    } else head = await commit('refs/heads/main', `${kind} ${n}`, inv.changed, head);
    inv.changed = new Map();
  }
  return { commits, people: inv.people.length, kinds };
}

/** Makes the repository in `dir` (an empty folder) with `git init` and `git fast-import`. */
export async function makeHistoryRepo(dir: string, commits: number, people: number, seed: number): Promise<RepoStats> {
  await run(dir, ['init', '-q', '-b', 'main']);
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: dir, stdio: ['pipe', 'inherit', 'inherit'] });
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  const stats = await writeHistory(child.stdin, commits, people, seed);
  child.stdin.end('done\n');
  if ((await closed) !== 0) throw new Error('git fast-import failed');
  await run(dir, ['branch', '-D', 'pr']);
  await run(dir, ['checkout', '-q', 'main']);
  return stats;
}

function run(cwd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: 'inherit' });
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git ${args.join(' ')} exited ${code}`))));
  });
}
