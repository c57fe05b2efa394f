import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { handOver } from './handoff.ts';
import { replaceDir } from './out-dir.ts';
import { trace } from './trace.ts';
import type { RenderData } from './types.ts';

/** The Astro project of the report site (site/ in the package). */
export const SITE_DIR = fileURLToPath(new URL('../../site/', import.meta.url));

export interface AstroBuildOptions {
  outDir: string;
  /** Sub-path the site is served under, e.g. "/licenses/" for a GitHub Pages project site. */
  base: string;
  /** Astro's log level (default warn). */
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** A folder of files written beside the pages (the downloads), moved in as download/. */
  downloads?: string;
  /** Called once every page is rendered, before the site moves into place: `downloads` may be filled meanwhile. */
  rendered?: () => Promise<void>;
}

// Pages rendered at once: a page's render waits (on its components, and in the middleware on the search index's
// room), and a few at a time keep the CPU busy meanwhile. (When Astro still wrote each page with a mkdir and a write
// of its own, one at a time kept the CPU 63 % busy at 5,000 people.)
const CONCURRENCY = 4;

/** "repo" → "/repo/"; "/" stays. */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * Writes a rendered page where Astro would (build.format "directory": <route>/index.html under dir), with
 * synchronous calls: Astro's own write is a mkdir, an open, a write and a close, each a promise and a trip to the
 * thread pool, and cost more than the write itself (0.23 ms a page of this thread's time at 20,000 people).
 */
export function writePage(dir: string, route: string, html: string): void {
  if (!route.startsWith('/') || !route.endsWith('/')) throw new Error(`a page's route starts and ends with "/": ${route}`);
  // As Astro names the file: the route, percent-decoded, under dir (a file URL's path).
  const folder = fileURLToPath(new URL(`.${route}`, pathToFileURL(`${resolve(dir)}/`)));
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'index.html'), html);
}

/**
 * Renders the pages with Astro's programmatic build. The data is handed over in memory (src/site/handoff.ts);
 * the caller should hold no other reference to it, so that what Astro has rendered can be freed. Each page goes to
 * data.onPage once written (writePage): the site's middleware hands it over, and Astro writes nothing itself.
 */
export async function renderSite(data: RenderData, o: AstroBuildOptions): Promise<void> {
  const tmp = await mkdtemp(join(tmpdir(), 'lac-site-'));
  // Astro renders from chunks it writes under the output folder when that folder lies inside the
  // working directory (else under <cwd>/.astro/), and the chunks import Astro's own packages. So
  // the build runs in site/ into a folder inside it, where those imports resolve and nothing is
  // written into the user's repository; the result then moves to --out. (The working directory is
  // the process's: two builds at once in one process are not supported.)
  const buildDir = await mkdtemp(join(SITE_DIR, '.build-'));
  const key = randomUUID();
  const onPage = data.onPage;
  const release = handOver(key, {
    ...data,
    onPage: async (route, html) => {
      writePage(buildDir, route, html);
      await onPage?.(route, html);
    },
  });
  const outDir = resolve(o.outDir);
  const cwd = process.cwd();
  try {
    // Astro would otherwise report usage to its authors over the network.
    process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
    const { build } = await import('astro');
    trace('Astro loaded');
    process.chdir(SITE_DIR);
    await build({
      root: SITE_DIR,
      configFile: false,
      outDir: buildDir,
      base: data.base,
      trailingSlash: 'always',
      build: { format: 'directory', concurrency: CONCURRENCY },
      cacheDir: join(tmp, 'cache'),
      logLevel: o.logLevel ?? 'warn',
      devToolbar: { enabled: false },
      vite: { define: { 'import.meta.env.LAC_SITE_DATA': JSON.stringify(key) } },
    });
    trace('Astro built');
    release();
    await o.rendered?.();
    if (o.downloads) await moveInto(o.downloads, join(buildDir, 'download'));
    await replaceDir(buildDir, outDir);
    trace('moved into place');
  } finally {
    release();
    await stopEsbuild();
    process.chdir(cwd);
    await rm(tmp, { recursive: true, force: true });
    // Retried: after a failed page, Astro's other pages in flight may still be writing into the folder.
    await rm(buildDir, { recursive: true, force: true, maxRetries: 5 });
    trace('Astro cleaned up');
  }
}

/** Moves a folder to `to`: a rename, or a copy across file systems. */
export async function moveInto(from: string, to: string): Promise<void> {
  await rename(from, to).catch(async (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EXDEV') throw e;
    await cp(from, to, { recursive: true });
  });
}

/**
 * Stops the esbuild service Astro started (a child process that esbuild leaves running, unreferenced, until the
 * process exits): through esbuild's own stop(), so that a later build in this process starts a new one.
 */
async function stopEsbuild(): Promise<void> {
  try {
    const fromAstro = createRequire(fileURLToPath(import.meta.resolve('astro')));
    const esbuild = (await import(pathToFileURL(fromAstro.resolve('esbuild')).href)) as { stop?: () => Promise<void> | void };
    await esbuild.stop?.();
  } catch {
    // No esbuild beside Astro: nothing was started.
  }
}
