import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSiteInput } from './input-file.ts';
import { replaceDir } from './out-dir.ts';
import type { SiteInput } from './types.ts';

/** The Astro project of the report site (site/ in the package). */
export const SITE_DIR = fileURLToPath(new URL('../../site/', import.meta.url));

export interface AstroBuildOptions {
  outDir: string;
  /** Sub-path the site is served under, e.g. "/licenses/" for a GitHub Pages project site. */
  base: string;
  /** Astro's log level (default warn). */
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

/** "repo" → "/repo/"; "/" stays. */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * Renders the site with Astro's programmatic build: the data goes to a temporary JSON file whose
 * path the site reads at build time (a Vite define, so two builds in one process do not share it).
 */
export async function renderSite(data: SiteInput, o: AstroBuildOptions): Promise<void> {
  const tmp = await mkdtemp(join(tmpdir(), 'lac-site-'));
  const dataFile = join(tmp, 'site-input.jsonl');
  const base = normalizeBase(o.base);
  await writeSiteInput(dataFile, { ...data, base });
  // Astro would otherwise report usage to its authors over the network.
  process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
  const { build } = await import('astro');
  // Astro renders from chunks it writes under the output folder when that folder lies inside the
  // working directory (else under <cwd>/.astro/), and the chunks import Astro's own packages. So
  // the build runs in site/ into a folder inside it, where those imports resolve and nothing is
  // written into the user's repository; the result then moves to --out. (The working directory is
  // the process's: two builds at once in one process are not supported.)
  const outDir = resolve(o.outDir);
  const buildDir = await mkdtemp(join(SITE_DIR, '.build-'));
  const cwd = process.cwd();
  process.chdir(SITE_DIR);
  try {
    await build({
      root: SITE_DIR,
      configFile: false,
      outDir: buildDir,
      base,
      trailingSlash: 'always',
      build: { format: 'directory' },
      cacheDir: join(tmp, 'cache'),
      logLevel: o.logLevel ?? 'warn',
      devToolbar: { enabled: false },
      vite: { define: { 'import.meta.env.LAC_SITE_DATA': JSON.stringify(dataFile) } },
    });
    await replaceDir(buildDir, outDir);
  } finally {
    process.chdir(cwd);
    await rm(tmp, { recursive: true, force: true });
    await rm(buildDir, { recursive: true, force: true });
  }
}
