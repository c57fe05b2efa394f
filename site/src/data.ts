// The site's only data source: the pages and tables `lac site build` derived from the repository (src/site/build.ts),
// handed over in memory under the key the build defines (src/site/handoff.ts, compiled to dist/).
import { takeOver } from '../../dist/site/handoff.js';
import type { Page, RenderData, Table } from '../../dist/site/types.js';

export const data: RenderData = takeOver(import.meta.env.LAC_SITE_DATA);

/** The page at index i of data.pages; a LazyPage (a person's) is made now, when Astro renders it. */
export const pageAt = (i: number): Page => {
  const p = data.pages[i]!;
  return 'make' in p ? p.make() : p;
};

/** A table a section names: the page's own (a made page's), else the site's. */
export const tableOf = (id: string, own?: Record<string, Table>): Table => {
  const t = own?.[id] ?? data.tables[id];
  if (!t) throw new Error(`no table ${id}`);
  return t;
};

/** Astro's rest parameter for a route: "/" → undefined, "/licenses/figma/" → "licenses/figma". */
export const slugOf = (p: { route: string }): string | undefined => (p.route === '/' ? undefined : p.route.replace(/^\/|\/$/g, ''));
