// `node bench/history.ts [--commits 10000] [--people 3000] [--seed 1] [--cache /tmp/lac-bench]`
// Makes (once, cached) a license repository with a long history by `git fast-import`, then
// measures `lac history --format json` cold (no cache) and warm, beside the floor
// `git log -p --first-parent` on the same repository in the same run, and prints the ratios.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { makeHistoryRepo, type RepoStats } from './history-repo.ts';
import { measureNode, type Measured } from './measure.ts';

const CLI = new URL('../bin/lac.js', import.meta.url).pathname;
const FLOOR = new URL('./history-floor.ts', import.meta.url).pathname;

export interface HistoryBench {
  repo: string;
  stats: RepoStats;
  cold: Measured;
  warm: Measured;
  floor: Measured;
  events: number;
  load: number[];
}

/** Hash of the generators' sources: a changed generator never reuses a stale repository. */
async function generatorVersion(): Promise<string> {
  const h = createHash('sha256');
  const synth = new URL('../src/synth/', import.meta.url);
  for (const name of (await readdir(synth)).sort()) h.update(name).update(await readFile(new URL(name, synth)));
  h.update(await readFile(new URL('./history-repo.ts', import.meta.url)));
  return h.digest('hex').slice(0, 10);
}

/** The repository of a size under `cacheDir`, made on first use. */
export async function historyRepo(cacheDir: string, commits: number, people: number, seed: number): Promise<{ dir: string; stats: RepoStats }> {
  const dir = join(cacheDir, `history-${commits}-${people}-seed${seed}-${await generatorVersion()}`);
  const statsFile = join(dir, '.git', 'bench-stats.json');
  if (existsSync(statsFile)) return { dir, stats: JSON.parse(await readFile(statsFile, 'utf8')) as RepoStats };
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const stats = await makeHistoryRepo(dir, commits, people, seed);
  await writeFile(statsFile, `${JSON.stringify(stats, null, 2)}\n`); // last: marks a complete repository
  return { dir, stats };
}

/** Cold (cache removed), warm, and the floor, on one repository. */
export async function benchHistory(o: { commits: number; people?: number; seed?: number; cache?: string; log?: (m: string) => void }): Promise<HistoryBench> {
  const t0 = performance.now();
  const { dir, stats } = await historyRepo(o.cache ?? '/tmp/lac-bench', o.commits, o.people ?? 3000, o.seed ?? 1);
  o.log?.(`${o.commits} commits at ${dir} (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  const args = [CLI, 'history', '--root', dir, '--format', 'json', '--no-api'];
  await rm(join(dir, '.git', 'lac-cache'), { recursive: true, force: true });
  const cold = await measureNode(args);
  if (cold.code !== 0) throw new Error(`lac history exited with ${cold.code}`);
  const warm = await measureNode(args);
  const floor = await measureNode([FLOOR, dir]);
  const events = (JSON.parse(warm.stdout) as unknown[]).length;
  if (warm.stdout !== cold.stdout) throw new Error('the warm run printed other events than the cold run');
  return { repo: dir, stats, cold: { ...cold, stdout: '' }, warm: { ...warm, stdout: '' }, floor: { ...floor, stdout: '' }, events, load: loadavg() };
}

/** A Markdown table of the runs. */
export function historyTable(rows: HistoryBench[]): string {
  const f = (m: Measured) => `${m.seconds.toFixed(2)} s / ${m.cpuSeconds.toFixed(2)} s CPU / ${Math.round(m.maxRssMb)} MB`;
  const lines = ['| commits | events | cold | warm | floor `git log -p` | cold / floor | warm / floor | load |', '| --- | --- | --- | --- | --- | --- | --- | --- |'];
  for (const r of rows) {
    lines.push(`| ${r.stats.commits.toLocaleString('en-US')} | ${r.events.toLocaleString('en-US')} | ${f(r.cold)} | ${f(r.warm)} | ${f(r.floor)} | ${(r.cold.seconds / r.floor.seconds).toFixed(1)}x | ${(r.warm.seconds / r.floor.seconds).toFixed(2)}x | ${r.load.map((l) => l.toFixed(1)).join(' ')} |`);
  }
  return `${lines.join('\n')}\n\ncold: \`lac history --format json --no-api\` with .git/lac-cache removed; warm: the same again; floor: \`git log -p --first-parent\` of inventory/ (read to the end by node). Wall / CPU (user+sys) / peak RSS.\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { commits: { type: 'string', default: '10000' }, people: { type: 'string', default: '3000' }, seed: { type: 'string', default: '1' }, cache: { type: 'string', default: '/tmp/lac-bench' } } });
  const rows: HistoryBench[] = [];
  for (const commits of values.commits.split(',').map(Number)) {
    rows.push(await benchHistory({ commits, people: Number(values.people), seed: Number(values.seed), cache: values.cache, log: (m) => process.stderr.write(m) }));
  }
  process.stdout.write(historyTable(rows));
  const f = (m: Measured) => `${m.seconds.toFixed(1)} s (CPU ${m.cpuSeconds.toFixed(1)} s), ${Math.round(m.maxRssMb)} MB`;
  for (const r of rows) {
    const n = r.stats.commits.toLocaleString('en');
    process.stdout.write(`summary: \`lac history\`, ${n} commits, cold | ${f(r.cold)} | ${f(r.floor)}, \`git log -p --first-parent\` | ${(r.cold.seconds / r.floor.seconds).toFixed(2)}x wall, ${(r.cold.cpuSeconds / r.floor.cpuSeconds).toFixed(2)}x CPU | < 30 s\n`);
    process.stdout.write(`summary: \`lac history\`, ${n} commits, warm | ${f(r.warm)} | ${f(r.floor)}, \`git log -p --first-parent\` | ${(r.warm.seconds / r.floor.seconds).toFixed(2)}x wall, ${(r.warm.cpuSeconds / r.floor.cpuSeconds).toFixed(2)}x CPU | < 3 s\n`);
  }
}
