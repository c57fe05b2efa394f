import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { moveInto, normalizeBase, renderSite } from './astro.ts';
import { endChildren, liveChildren } from './children.ts';
import { heapNearLive, releaseFreedMemory } from './heap.ts';
import { downloads, type DownloadFile } from './downloads.ts';
import type { ModelOptions } from './model/build.ts';
import { buildSiteInput } from './input.ts';
import { indexWhile } from './search-index.ts';
import { isLazy, sitePages } from './site-data.ts';
import type { LazyPage, Page, RenderData, Table } from './types.ts';
import { writeDownloads } from './write-downloads.ts';
import { trace } from './trace.ts';

export interface SiteBuildOptions extends ModelOptions {
  outDir: string;
  base: string;
}

export interface SiteBuildResult {
  /** HTML pages rendered. */
  pages: number;
  /** Files under download/ (CSV, JSON, iCalendar). */
  downloads: number;
  /** Pages in the full-text search index (pagefind/). */
  indexed: number;
  commit: string | null;
  dirty: boolean;
  /** Milliseconds spent computing the data, rendering it (and indexing it meanwhile), and finishing the search index after. */
  timings: { data: number; render: number; search: number };
}

/**
 * The data, the pages derived from it, and the downloads to write. Only what the pages need is returned; the large
 * tables' rows and the person pages are made from the model as they are rendered (lazyRows, LazyPage), so the model
 * stays while Astro renders and those rows never are all held at once. The downloads' bodies, too, are made when
 * they are written.
 */
async function prepare(o: SiteBuildOptions): Promise<{ render: RenderData; downloads: DownloadFile[]; commit: string | null; dirty: boolean }> {
  const input = { ...(await buildSiteInput(o)), base: normalizeBase(o.base) };
  trace('input read');
  const { pages, tables } = sitePages(input);
  trace(`pages and tables made (${pages.length} pages)`);
  const { provenance, org } = input.model;
  return { render: { base: input.base, pages, tables: shownTables(pages, tables), model: { provenance, org } }, downloads: downloads({ ...input, tables }), commit: provenance.commit, dirty: provenance.dirty };
}

/**
 * The tables a page shows: those only written as CSV (every seat, every change of a license, everyone) are
 * not handed to Astro. (A LazyPage's tables are its own.)
 */
export function shownTables(pages: readonly (Page | LazyPage)[], tables: Record<string, Table>): Record<string, Table> {
  const out: Record<string, Table> = {};
  for (const p of pages) {
    if (isLazy(p)) for (const id of p.shows ?? []) out[id] = tables[id]!;
    else for (const s of p.sections) if (s.type === 'table') out[s.table] = tables[s.table]!;
  }
  return out;
}

/** `lac site build`: compute the site data from the repository, then render it with Astro into outDir, indexing its pages for search meanwhile. */
export async function buildSite(o: SiteBuildOptions): Promise<SiteBuildResult> {
  trace('site build');
  const before = liveChildren();
  const restoreHeap = heapNearLive();
  const staged = await mkdtemp(join(tmpdir(), 'lac-downloads-'));
  const search = await mkdtemp(join(tmpdir(), 'lac-search-'));
  try {
    const t0 = performance.now();
    const prepared = await prepare(o);
    const { commit, dirty } = prepared;
    if (releaseFreedMemory()) trace('freed memory released');
    const t1 = performance.now();
    let t2 = 0;
    let written = 0;
    // The downloads are written once the pages are rendered, while Pagefind writes the last search bundle (seconds
    // in which this thread would otherwise wait), and before the site moves into place.
    const index = await indexWhile(search, async (onPage, end) => {
      await renderSite({ ...prepared.render, onPage }, {
        outDir: o.outDir, base: o.base, downloads: staged,
        rendered: async () => {
          end();
          trace('pages rendered');
          if (releaseFreedMemory()) trace('freed memory released');
          written = await writeDownloads(prepared.downloads, staged);
          trace(`downloads written (${written})`);
        },
      });
      t2 = performance.now();
      trace('rendered');
    });
    for (const b of index.bundles) await moveInto(join(search, b), join(o.outDir, b));
    const t3 = performance.now();
    trace('indexed');
    return { pages: index.pages, downloads: written, indexed: index.indexed, commit, dirty, timings: { data: Math.round(t1 - t0), render: Math.round(t2 - t1), search: Math.round(t3 - t2) } };
  } finally {
    await rm(staged, { recursive: true, force: true });
    await rm(search, { recursive: true, force: true });
    // Astro's esbuild service and Pagefind's binary are stopped without being waited for: end and wait for them here.
    await endChildren(before);
    restoreHeap();
    trace('children ended');
  }
}
