// Measures how much a license repository grows per year from weekly usage snapshots:
// a 10,000-person organization, eight usage sources, 52 weekly pulls, each committed, then `git gc`.
// Usage: node scripts/measure-snapshot-growth.ts [--people N] [--weeks N]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Account } from '../src/inventory/schema/index.ts';
import { serializeSnapshot } from '../src/usage/snapshot/serialize.ts';
import { addDays } from '../src/util/dates.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const PEOPLE = arg('people', 10_000);
const WEEKS = arg('weeks', 52);

// Share of the organization with an account in each source, and the share of those active in a week.
const SOURCES: [license: string, source: string, share: number, weeklyActive: number][] = [
  ['google-workspace', 'google-workspace', 1.0, 0.92],
  ['slack', 'slack', 0.97, 0.9],
  ['okta', 'okta', 1.0, 0.93],
  ['microsoft-365', 'microsoft-365', 0.6, 0.85],
  ['zoom', 'zoom', 0.55, 0.6],
  ['github-copilot', 'github-copilot', 0.15, 0.8],
  ['figma', 'csv', 0.08, 0.55],
  ['salesforce', 'csv', 0.12, 0.75],
];

let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

const dir = mkdtempSync(join(tmpdir(), 'lac-growth-'));
const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'lac', GIT_AUTHOR_EMAIL: 'lac@example.com', GIT_COMMITTER_NAME: 'lac', GIT_COMMITTER_EMAIL: 'lac@example.com' } });
git('init', '-q', '-b', 'main');
mkdirSync(join(dir, 'inventory/usage'), { recursive: true });

let nextPerson = PEOPLE;
let people = Array.from({ length: PEOPLE }, (_, i) => i);
const lastActive = new Map<string, string>();
let rawBytes = 0;
let lines = 0;
const start = '2026-01-05';
const t0 = Date.now();
for (let week = 0; week < WEEKS; week++) {
  const today = addDays(start, week * 7);
  // About 1% of people leave and as many join each month.
  const churn = Math.round(PEOPLE * 0.0025);
  people = people.filter(() => random() > churn / PEOPLE).concat(Array.from({ length: churn }, () => nextPerson++));
  for (const [license, source, share, weekly] of SOURCES) {
    const accounts: Account[] = [];
    for (const p of people) {
      if ((p * 2_654_435_761) % 1000 >= share * 1000) continue;
      const key = `${license}/${p}`;
      if (random() < weekly) lastActive.set(key, addDays(today, -Math.floor(random() * 7)));
      const email = `person${p}@example.com`;
      accounts.push({ account: email, person: `person${p}`, status: 'active', last_active: lastActive.get(key) ?? null });
    }
    const text = serializeSnapshot({ license, source, taken: `${today}T06:00:00Z`, accounts });
    rawBytes += text.length;
    lines += accounts.length;
    writeFileSync(join(dir, 'inventory/usage', `${license}.yaml`), text);
  }
  git('add', '-A');
  git('commit', '-q', '-m', `Usage snapshots of ${today}`);
}
git('gc', '-q', '--aggressive');
const stats = Object.fromEntries(git('count-objects', '-v').trim().split('\n').map((l) => l.split(': ') as [string, string]));
const packKiB = Number(stats['size-pack']);
const lastWeekBytes = rawBytes / WEEKS;
console.log(`people: ${PEOPLE}, sources: ${SOURCES.length}, weeks: ${WEEKS}, account lines per week: ${Math.round(lines / WEEKS)}`);
console.log(`snapshot text per week: ${(lastWeekBytes / 1024 / 1024).toFixed(1)} MiB (${((rawBytes / 1024 / 1024)).toFixed(0)} MiB over ${WEEKS} weeks uncompressed)`);
console.log(`snapshot growth: repository pack after git gc: ${(packKiB / 1024).toFixed(1)} MiB for ${WEEKS} weekly snapshots (${((packKiB / 1024) * (52 / WEEKS)).toFixed(1)} MiB per year)`);
console.log(`took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
rmSync(dir, { recursive: true, force: true });
