// The site's only data source: the JSON `lac site build` computed (src/site). Read once per build.
import { readFileSync } from 'node:fs';
import type { Page, SiteData, Table } from '../../src/site/types.ts';

function load(): SiteData {
  const file = import.meta.env.LAC_SITE_DATA;
  if (!file) throw new Error('no site data: build the site with `lac site build`, which computes the data and runs Astro');
  return JSON.parse(readFileSync(file, 'utf8')) as SiteData;
}

export const data: SiteData = load();

export const tableById = (id: string): Table => {
  const t = data.tables[id];
  if (!t) throw new Error(`no table ${id}`);
  return t;
};

/** Astro's rest parameter for a route: "/" → undefined, "/licenses/figma/" → "licenses/figma". */
export const slugOf = (p: Page): string | undefined => (p.route === '/' ? undefined : p.route.replace(/^\/|\/$/g, ''));
