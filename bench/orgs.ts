import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { synthesizeTo, type SynthStats } from '../src/synth/index.ts';

/** A generated org on disk, with its generator stats. */
export interface BenchOrg {
  root: string;
  stats: SynthStats;
  cached: boolean;
}

const SYNTH_DIR = new URL('../src/synth/', import.meta.url);

/** Hash of the generator's source: a changed generator never reuses a stale cached org. */
async function generatorVersion(): Promise<string> {
  const h = createHash('sha256');
  for (const name of (await readdir(SYNTH_DIR)).sort()) h.update(name).update(await readFile(new URL(name, SYNTH_DIR)));
  return h.digest('hex').slice(0, 10);
}

/**
 * people.yaml with `count` records, spread through it, each given a value of another shape (a
 * `!!str` tag) that the line scanners leave to `yaml`: a mostly well-formed file.
 */
function malform(people: string, count: number): string {
  const lines = people.split('\n');
  const records = lines.flatMap((l, i) => (l.startsWith('  - { ') ? [i] : []));
  for (let k = 1; k <= count; k++) {
    const i = records[Math.floor((k * records.length) / (count + 1))]!;
    lines[i] = lines[i]!.replace('name: ', 'name: !!str ');
  }
  return lines.join('\n');
}

/**
 * The org of a size and seed under `cacheDir`, generated on first use: `malformed` lines of people.yaml
 * of another shape; issue 16's "XL" is 100,000 people and 425,000 usage accounts.
 */
export async function benchOrg(cacheDir: string, people: number, seed: number, missingPeople = 0, malformed = 0, usageAccounts = 0): Promise<BenchOrg> {
  const variant = `${missingPeople > 0 ? `-missing${missingPeople}` : ''}${malformed > 0 ? `-malformed${malformed}` : ''}${usageAccounts > 0 ? `-usage${usageAccounts}` : ''}`;
  const root = join(cacheDir, `org-${people}-seed${seed}${variant}-${await generatorVersion()}`);
  const statsFile = join(root, 'synth-stats.json');
  if (existsSync(statsFile)) return { root, stats: JSON.parse(await readFile(statsFile, 'utf8')) as SynthStats, cached: true };
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  const { stats } = await synthesizeTo(root, { people, seed, missingPeople, usageAccounts });
  const peopleFile = join(root, 'inventory', 'people.yaml');
  if (malformed > 0) await writeFile(peopleFile, malform(await readFile(peopleFile, 'utf8'), malformed));
  // Written last: its presence marks a complete org.
  await writeFile(statsFile, `${JSON.stringify(stats, null, 2)}\n`);
  return { root, stats, cached: false };
}
