// The site's only data source: the file `lac site build` wrote (src/site/input-file.ts, compiled to dist/), read once per build;
// the pages and tables are derived from it once, by the lac library's pure page builders.
import { readSiteInput } from '../../dist/site/input-file.js';
import { siteFromInput } from '../../dist/site/site-data.js';
import type { Page, SiteData, Table } from '../../dist/site/types.js';

function load(): SiteData {
  const file = import.meta.env.LAC_SITE_DATA;
  if (!file) throw new Error('no site data: build the site with `lac site build`, which computes the data and runs Astro');
  return siteFromInput(readSiteInput(file));
}

export const data: SiteData = load();

export const tableById = (id: string): Table => {
  const t = data.tables[id];
  if (!t) throw new Error(`no table ${id}`);
  return t;
};

/** Astro's rest parameter for a route: "/" → undefined, "/licenses/figma/" → "licenses/figma". */
export const slugOf = (p: Page): string | undefined => (p.route === '/' ? undefined : p.route.replace(/^\/|\/$/g, ''));
