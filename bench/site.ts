// `node bench/site.ts [--people 20000] [--seed 1] [--cache /tmp/lac-bench] [--months N] [--cold]` (run `npm run build`
// first: the CLI runs dist/)
// Builds the report site of a generated org, committed to git once (the site is built from a commit and its
// history), with the built CLI measured from outside: wall, CPU (user + system), peak RSS; then counts the
// pages and files written and their size. `benchSite` is what a runner calls.
// With --months N the org is committed N months before the day the site is built for, and a commit a month follows
// (five seats removed from a license's file, a person's title changed): the month-end and fiscal-year-end views,
// the evidence packs and the forecast's back-test each read the inventory of another commit, as in a repository
// with a history. Without it the one commit is dated the day itself, and those views find no earlier commit.
// --cold removes the history cache (.git/lac-cache) first; otherwise a repository's first run is cold, later ones warm.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { measureNode, type Measured } from './measure.ts';
import { benchOrg } from './orgs.ts';

const TODAY = '2026-11-23';
const CLI = new URL('../bin/lac.js', import.meta.url).pathname;

export interface SiteBench {
  people: number;
  build: Measured;
  pages: number;
  files: number;
  /** Bytes of the files, and the disk space they take (blocks, as du counts). */
  mb: number;
  diskMb: number;
}

/** The 10th of the month `n` months before TODAY's. */
const monthsBefore = (n: number) => {
  const d = new Date(`${TODAY.slice(0, 8)}10T10:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
};

/** The generated org as a git repository, made once beside the cached org: one commit, or one and then a commit a month for `months` months. */
function committedOrg(root: string, months = 0): string {
  const repo = months ? `${root}-git-m${months}` : `${root}-git`;
  if (existsSync(join(repo, '.committed'))) return repo;
  rmSync(repo, { recursive: true, force: true });
  cpSync(root, repo, { recursive: true });
  const git = (date: string, ...args: string[]) => {
    const r = spawnSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  };
  git(TODAY, 'init', '-q');
  git(TODAY, 'add', '-A');
  git(months ? monthsBefore(months + 1) : `${TODAY}T00:00:00Z`, 'commit', '-q', '-m', 'Generated organization');
  const seatFiles = readdirSync(join(repo, 'inventory', 'assignments')).sort();
  for (let m = months; m >= 1; m--) {
    const k = months - m;
    const file = join(repo, 'inventory', 'assignments', seatFiles[k % seatFiles.length]!);
    const lines = readFileSync(file, 'utf8').split('\n');
    // Five seats off (the list starts at line 4, after the schema comment, the license and `seats:`).
    if (lines.length > 12) lines.splice(7, 5);
    writeFileSync(file, lines.join('\n'));
    const people = join(repo, 'inventory', 'people.yaml');
    const text = readFileSync(people, 'utf8').split('\n');
    const at = Math.min(100 + k * 1000, text.length - 2);
    text[at] = text[at]!.replace(/title: ("[^"]*"|[^,}]*)/, `title: Title of month ${k}`);
    writeFileSync(people, text.join('\n'));
    git(monthsBefore(m - 1).replace(/-10T/, '-05T'), 'commit', '-q', '-a', '-m', `Month ${k}: five seats removed from ${seatFiles[k % seatFiles.length]}`);
  }
  writeFileSync(join(repo, '.committed'), '');
  return repo;
}

/** Pages (index.html), files and their size under dir. */
function count(dir: string): Pick<SiteBench, 'pages' | 'files' | 'mb' | 'diskMb'> {
  let pages = 0, files = 0, bytes = 0, blocks = 0;
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!f.isFile()) continue;
    const s = statSync(join(f.parentPath, f.name));
    files++;
    bytes += s.size;
    blocks += s.blocks;
    if (f.name.endsWith('.html')) pages++;
  }
  return { pages, files, mb: bytes / 1e6, diskMb: (blocks * 512) / 1e6 };
}

/** Builds the site of a generated org of `people` people (cached under cache) and measures it. */
export async function benchSite(o: { people: number; seed?: number; cache?: string; months?: number; cold?: boolean; log?: (line: string) => void }): Promise<SiteBench> {
  const org = await benchOrg(o.cache ?? '/tmp/lac-bench', o.people, o.seed ?? 1);
  const repo = committedOrg(org.root, o.months);
  if (o.cold) rmSync(join(repo, '.git', 'lac-cache'), { recursive: true, force: true });
  const out = mkdtempSync(join(tmpdir(), 'lac-bench-site-'));
  try {
    o.log?.(`${o.people} people: site of ${repo}`);
    const build = await measureNode([CLI, 'site', 'build', '--root', repo, '--out', join(out, 'site'), '--today', TODAY]);
    if (build.code !== 0) throw new Error(`lac site build exited with ${build.code}`);
    return { people: o.people, build, ...count(join(out, 'site')) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** One row of the result table, in markdown. */
export function siteRow(r: SiteBench): string {
  const f = (n: number, d = 1) => n.toFixed(d);
  return `| ${r.people.toLocaleString('en')} | ${f(r.build.seconds)} | ${f(r.build.cpuSeconds)} | ${Math.round(r.build.maxRssMb)} | ${r.pages.toLocaleString('en')} | ${r.files.toLocaleString('en')} | ${Math.round(r.mb)} | ${Math.round(r.diskMb)} |`;
}

export const SITE_HEADER = '| people | wall s | CPU s | peak MB | pages | files | out MB | on disk MB |\n| --- | --- | --- | --- | --- | --- | --- | --- |';

if (import.meta.main) {
  const { values } = parseArgs({ options: { people: { type: 'string', default: '20000' }, seed: { type: 'string', default: '1' }, cache: { type: 'string', default: '/tmp/lac-bench' }, months: { type: 'string', default: '0' }, cold: { type: 'boolean', default: false } } });
  const people = Number(values.people.replace(/_/g, ''));
  if (!Number.isInteger(people) || people < 1) throw new Error(`--people takes a number of people, not ${values.people}`);
  const months = Number(values.months);
  if (!Number.isInteger(months) || months < 0 || months > 120) throw new Error(`--months takes a number of months (0-120), not ${values.months}`);
  const r = await benchSite({ people, seed: Number(values.seed), cache: values.cache, months, cold: values.cold, log: (l) => process.stderr.write(`${l}\n`) });
  process.stdout.write(`${SITE_HEADER}\n${siteRow(r)}\n`);
  const goal = people <= 20000 ? '< 60 s, < 1.5 GB, < 300 MB out' : '< 5 min, < 2 GB';
  process.stdout.write(`summary: \`lac site build\`, ${people.toLocaleString('en')} people | ${r.build.seconds.toFixed(1)} s (CPU ${r.build.cpuSeconds.toFixed(1)} s), ${Math.round(r.build.maxRssMb)} MB, ${Math.round(r.mb)} MB out, ${r.pages.toLocaleString('en')} pages | none (no cheaper way to the same pages) | - | ${goal}\n`);
}
