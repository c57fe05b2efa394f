import { readdir } from 'node:fs/promises';
import { renderSite } from './astro.ts';
import type { ModelOptions } from './model/build.ts';
import { buildSiteInput } from './input.ts';
import { indexSite } from './search-index.ts';

export interface SiteBuildOptions extends ModelOptions {
  outDir: string;
  base: string;
}

export interface SiteBuildResult {
  /** HTML pages written. */
  pages: number;
  /** Files under download/ (CSV, JSON, iCalendar). */
  downloads: number;
  /** Pages in the full-text search index (pagefind/). */
  indexed: number;
  commit: string | null;
  dirty: boolean;
  /** Milliseconds spent computing the data and rendering it. */
  timings: { data: number; render: number; search: number };
}

/** `lac site build`: compute the site data from the repository, then render it with Astro into outDir and index its pages for search. */
export async function buildSite(o: SiteBuildOptions): Promise<SiteBuildResult> {
  const t0 = performance.now();
  const input = await buildSiteInput(o);
  const { commit, dirty } = input.model.provenance;
  const t1 = performance.now();
  await renderSite(input, { outDir: o.outDir, base: o.base });
  const t2 = performance.now();
  const indexed = await indexSite(o.outDir);
  const t3 = performance.now();
  const files = (await readdir(o.outDir, { recursive: true })).map(String);
  return {
    pages: files.filter((f) => f.endsWith('.html')).length,
    downloads: files.filter((f) => f.startsWith('download/') && /\.(csv|json|ics)$/.test(f)).length,
    indexed, commit, dirty,
    timings: { data: Math.round(t1 - t0), render: Math.round(t2 - t1), search: Math.round(t3 - t2) },
  };
}
