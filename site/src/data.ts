// The site's only data source: the pages and tables `lac site build` derived from the repository (src/site/build.ts),
// handed over in memory under the key the build defines (src/site/handoff.ts, compiled to dist/).
import { takeOver } from '../../dist/site/handoff.js';
import type { Page, RenderData, Table } from '../../dist/site/types.js';

export const data: RenderData = takeOver(import.meta.env.LAC_SITE_DATA);

export const tableById = (id: string): Table => {
  const t = data.tables[id];
  if (!t) throw new Error(`no table ${id}`);
  return t;
};

/** Astro's rest parameter for a route: "/" → undefined, "/licenses/figma/" → "licenses/figma". */
export const slugOf = (p: Page): string | undefined => (p.route === '/' ? undefined : p.route.replace(/^\/|\/$/g, ''));
