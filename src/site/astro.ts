import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSiteInput } from './input-file.ts';
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
  try {
    await build({
      root: SITE_DIR,
      configFile: false,
      outDir: resolve(o.outDir),
      base,
      trailingSlash: 'always',
      build: { format: 'directory' },
      cacheDir: join(tmp, 'cache'),
      logLevel: o.logLevel ?? 'warn',
      devToolbar: { enabled: false },
      vite: { define: { 'import.meta.env.LAC_SITE_DATA': JSON.stringify(dataFile) } },
    });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
