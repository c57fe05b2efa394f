import { renderSite } from './astro.ts';
import type { ModelOptions } from './model/build.ts';
import { buildSiteData } from './site-data.ts';

export interface SiteBuildOptions extends ModelOptions {
  outDir: string;
  base: string;
}

export interface SiteBuildResult {
  pages: number;
  tables: number;
  commit: string | null;
  dirty: boolean;
  /** Milliseconds spent computing the data and rendering it. */
  timings: { data: number; render: number };
}

/** `lac site build`: compute the site data from the repository, then render it with Astro into outDir. */
export async function buildSite(o: SiteBuildOptions): Promise<SiteBuildResult> {
  const t0 = performance.now();
  const data = await buildSiteData(o);
  const t1 = performance.now();
  await renderSite(data, { outDir: o.outDir, base: o.base });
  const t2 = performance.now();
  return {
    pages: data.pages.length, tables: Object.keys(data.tables).length,
    commit: data.model.provenance.commit, dirty: data.model.provenance.dirty,
    timings: { data: Math.round(t1 - t0), render: Math.round(t2 - t1) },
  };
}
