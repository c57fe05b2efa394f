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

/** The org of a size and seed under `cacheDir`, generated on first use; issue 16's "XL" is 100,000 people and 425,000 usage accounts. */
export async function benchOrg(cacheDir: string, people: number, seed: number, missingPeople = 0, usageAccounts = 0): Promise<BenchOrg> {
  const variant = `${missingPeople > 0 ? `-missing${missingPeople}` : ''}${usageAccounts > 0 ? `-usage${usageAccounts}` : ''}`;
  const root = join(cacheDir, `org-${people}-seed${seed}${variant}-${await generatorVersion()}`);
  const statsFile = join(root, 'synth-stats.json');
  if (existsSync(statsFile)) return { root, stats: JSON.parse(await readFile(statsFile, 'utf8')) as SynthStats, cached: true };
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  const { stats } = await synthesizeTo(root, { people, seed, missingPeople, usageAccounts });
  // Written last: its presence marks a complete org.
  await writeFile(statsFile, `${JSON.stringify(stats, null, 2)}\n`);
  return { root, stats, cached: false };
}
