// `node bench/diff.ts [--people 100000] [--runs 1] [--seed 1] [--cache /tmp/lac-bench]`
// A pull request's `lac diff` at scale: a git repository of the synthetic org (bench/orgs.ts) and a
// branch that changes 50 seats (removed, added, re-tiered, across ten licenses) and one contract,
// built once under the cache folder. Measures `node bin/lac.js diff BASE HEAD --format json` from
// outside (wall, CPU, peak RSS) beside the floor, `git diff BASE HEAD`, in the same run.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pageCost } from './host.ts';
import { measureCommand, measureNode, type Measured } from './measure.ts';
import { benchOrg } from './orgs.ts';

const TODAY = '2026-11-23';
const CHANGE_VERSION = 2;
const LAC = fileURLToPath(new URL('../bin/lac.js', import.meta.url));
const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com', GIT_AUTHOR_DATE: '2026-11-20T09:00:00Z', GIT_COMMITTER_DATE: '2026-11-20T09:00:00Z' };

export interface DiffBench {
  people: number;
  repo: string;
  /** Paths the pull request changes. */
  changedFiles: number;
  lac: Measured;
  floor: Measured;
  /** lac's wall time over the floor's. */
  ratio: number;
  /** CPU seconds of the thread that computes the diff (diffThreadCpu; NaN where the trace has no figure). */
  diffCpuSeconds: number;
  /** What lac's output says the change does (a check that it did the work). */
  summary: { events: number; introduced: number; fixed: number };
}

const git = (cwd: string, args: string[]) => execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', maxBuffer: 1 << 30 }).trim();

/** The pull request: in ten licenses with seats, two seats removed, two added (someone else's lines), one moved to another tier; one contract's first quantity raised. */
async function makeChange(repo: string): Promise<void> {
  const dir = join(repo, 'inventory/assignments');
  const files = (await readdir(dir)).sort();
  const texts = new Map<string, string[]>();
  for (const f of files) texts.set(f, (await readFile(join(dir, f), 'utf8')).split('\n'));
  const withSeats = files.filter((f) => texts.get(f)!.filter((l) => l.startsWith('  - {')).length >= 8);
  const picked = Array.from({ length: 10 }, (_, i) => withSeats[Math.floor((i * withSeats.length) / 10)]!);
  const donors = texts.get(withSeats[withSeats.length - 1]!)!.filter((l) => l.startsWith('  - { person:'));
  picked.forEach((f, n) => {
    const lines = texts.get(f)!;
    const seats = lines.flatMap((l, i) => (l.startsWith('  - {') ? [i] : []));
    const tierOf = (i: number) => /tier: ([^,]+)/.exec(lines[i]!)![1]!;
    const tier = tierOf(seats[0]!);
    const [a, b, c] = [seats[1]!, seats[Math.floor(seats.length / 2)]!, seats[seats.length - 2]!];
    // Another tier the file already uses, where it has two.
    const other = seats.map(tierOf).find((t) => t !== tierOf(c)) ?? tierOf(c);
    lines[c] = lines[c]!.replace(/tier: [^,]+/, `tier: ${other}`);
    for (const i of [b, a]) lines.splice(i, 1);
    const added = [donors[n * 2]!, donors[n * 2 + 1]!].map((l) => l.replace(/tier: [^,]+/, `tier: ${tier}`).replace(/since: [0-9-]+/, 'since: 2026-11-20'));
    lines.splice(lines.length - 1, 0, ...added);
  });
  for (const f of picked) await writeFile(join(dir, f), texts.get(f)!.join('\n'));
  const contracts = join(repo, 'inventory/contracts');
  const contract = join(contracts, (await readdir(contracts)).sort()[0]!);
  await writeFile(contract, (await readFile(contract, 'utf8')).replace(/quantity: (\d+)/, (_, q: string) => `quantity: ${Number(q) + 25}`));
}

/** The repository with the org on main and the pull request on branch `pr`, built once. */
export async function benchRepo(cache: string, people: number, seed: number, usageAccounts = 0): Promise<string> {
  const org = await benchOrg(cache, people, seed, 0, 0, usageAccounts);
  // Named after the change's version: a changed pull request never reuses a stale repository.
  const repo = `${org.root}-diff-pr${CHANGE_VERSION}`;
  if (existsSync(join(repo, '.bench-complete'))) return packed(repo);
  await rm(repo, { recursive: true, force: true });
  await cp(join(org.root, 'inventory'), join(repo, 'inventory'), { recursive: true });
  git(repo, ['init', '-q', '-b', 'main']);
  git(repo, ['add', 'inventory']);
  git(repo, ['commit', '-q', '-m', 'Synthetic org']);
  git(repo, ['checkout', '-q', '-b', 'pr']);
  await makeChange(repo);
  git(repo, ['commit', '-q', '-am', 'A pull request: 50 seats and a contract']);
  git(repo, ['checkout', '-q', 'main']);
  await writeFile(join(repo, '.bench-complete'), '');
  return packed(repo);
}

/**
 * The repository's objects in a pack, as in a clone (actions/checkout fetches packs): loose objects made
 * git's reads of the 2,700 small files three to four times slower than a clone's.
 */
function packed(repo: string): string {
  if (existsSync(join(repo, '.bench-packed'))) return repo;
  git(repo, ['gc', '-q', '--prune=now']);
  writeFileSync(join(repo, '.bench-packed'), '');
  return repo;
}

/**
 * The processor seconds of the thread that computes the diff (a worker thread: src/cli/actions/diff-thread.ts),
 * from its last LAC_DIFF_TRACE line: the thread that wrote "diff starts". On a machine with a free core the
 * wall time follows it, and the load of other processes does not inflate it as it does wall time.
 */
export function diffThreadCpu(stderr: string): number {
  const lines = stderr.split('\n').filter((l) => l.startsWith('lac-diff-trace'));
  const thread = / ms (\S+) +cpu .*  diff starts$/.exec(lines.find((l) => l.endsWith('  diff starts')) ?? '')?.[1];
  const last = thread === undefined ? undefined : lines.filter((l) => l.includes(` ms ${thread} `)).at(-1);
  const ms = last && / cpu +(\d+) ms /.exec(last)?.[1];
  return ms ? Number(ms) / 1000 : NaN;
}

/** Measures one size: lac diff main pr beside git diff main pr; the best of `runs` by wall time. */
export async function benchDiff(options: { people: number; seed?: number; cache?: string; runs?: number; usageAccounts?: number }): Promise<DiffBench> {
  const repo = await benchRepo(options.cache ?? '/tmp/lac-bench', options.people, options.seed ?? 1, options.usageAccounts ?? 0);
  const changedFiles = git(repo, ['diff', '--name-only', 'main', 'pr']).split('\n').filter(Boolean).length;
  let best: DiffBench | undefined;
  for (let r = 0; r < Math.max(1, options.runs ?? 1); r++) {
    const floor = await measureCommand('git', ['diff', 'main', 'pr'], repo);
    const lac = await measureNode([LAC, 'diff', 'main', 'pr', '--root', repo, '--format', 'json', '--today', TODAY], { LAC_DIFF_TRACE: '1' });
    const diffCpuSeconds = diffThreadCpu(lac.stderr);
    if (lac.code !== 0) throw new Error(`lac diff exited with ${lac.code}`);
    const out = JSON.parse(lac.stdout) as { events: unknown[]; effects: { findings_introduced: unknown[]; findings_fixed: unknown[] } };
    const row: DiffBench = { people: options.people, repo, changedFiles, lac, floor, ratio: lac.seconds / floor.seconds, diffCpuSeconds, summary: { events: out.events.length, introduced: out.effects.findings_introduced.length, fixed: out.effects.findings_fixed.length } };
    if (!best || row.lac.seconds < best.lac.seconds) best = row;
  }
  return best!;
}

/** One line per size, for the terminal and bench/README.md. */
export function formatDiffBench(rows: DiffBench[]): string {
  const head = '| people | changed files | lac diff s | lac diff CPU s | diff thread CPU s | lac diff MB | git diff s | git diff CPU s | ratio (wall) | events | findings in / out |';
  const lines = rows.map((r) => `| ${r.people.toLocaleString('en')} | ${r.changedFiles} | ${r.lac.seconds.toFixed(2)} | ${r.lac.cpuSeconds.toFixed(2)} | ${r.diffCpuSeconds.toFixed(2)} | ${Math.round(r.lac.maxRssMb)} | ${r.floor.seconds.toFixed(2)} | ${r.floor.cpuSeconds.toFixed(2)} | ${r.ratio.toFixed(1)}x | ${r.summary.events} | ${r.summary.introduced} / ${r.summary.fixed} |`);
  return [head, `|${' --- |'.repeat(11)}`, ...lines, ''].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { people: { type: 'string', default: '100000' }, seed: { type: 'string', default: '1' }, runs: { type: 'string', default: '1' }, cache: { type: 'string', default: '/tmp/lac-bench' }, 'usage-accounts': { type: 'string' } } });
  const rows: DiffBench[] = [];
  for (const people of values.people.split(',').map((s) => Number(s.replace(/_/g, '')))) {
    if (!Number.isInteger(people) || people < 1) throw new Error(`--people takes a people count such as 100000, not ${values.people}`);
    // Issue 16's XL: at 100,000 people, usage snapshots of 425,000 accounts unless --usage-accounts says otherwise.
    const usageAccounts = values['usage-accounts'] !== undefined ? Number(values['usage-accounts']) : people >= 100000 ? 425000 : 0;
    rows.push(await benchDiff({ people, seed: Number(values.seed), cache: values.cache, runs: Number(values.runs), usageAccounts }));
    process.stderr.write(`${people} people: lac diff ${rows.at(-1)!.lac.seconds.toFixed(2)} s, git diff ${rows.at(-1)!.floor.seconds.toFixed(2)} s (load ${loadavg()[0]!.toFixed(2)})\n`);
  }
  // What a page of fresh memory cost the host right after the runs (host.ts): a diff at XL faults in some 50,000
  // pages, and its time moves with this from one minute to the next (bench/README.md, twentieth round).
  const page = pageCost(64, 3);
  process.stdout.write(formatDiffBench(rows));
  for (const r of rows) {
    const m = r.lac;
    process.stdout.write(`summary: \`lac diff\`, 50 seats + 1 contract, ${r.people.toLocaleString('en')} people | ${m.seconds.toFixed(2)} s (CPU ${m.cpuSeconds.toFixed(2)} s), ${Math.round(m.maxRssMb)} MB; a fresh page ${page.toFixed(1)} us | ${r.floor.seconds.toFixed(2)} s, \`git diff\` | ${r.ratio.toFixed(1)}x wall | < 2 s, < 1 GB\n`);
  }
}
