// The JSON-able data the report site is built from. `lac site build` computes it once (src/site),
// writes it to a file, and the Astro project in site/ only renders it.
import type { SiteModel } from './model/types.ts';

/** A link: a route of the site ("/licenses/figma/", without the base path) or an absolute URL. */
export interface Cell {
  text: string;
  href?: string;
}

export type CellValue = string | Cell;

export interface Column {
  label: string;
  /** Right-aligned (amounts, counts). */
  numeric?: boolean;
}

/** A table shown on a page and offered as CSV at /download/csv/<id>.csv with the same cells. */
export interface Table {
  id: string;
  title: string;
  columns: Column[];
  rows: CellValue[][];
  /** Shown when there are no rows. */
  empty?: string;
}

export interface Kpi {
  label: string;
  value: string;
  note?: string;
  href?: string;
}

/** A labelled value; `key` marks what identifies the record (its ID, PO number, email), which the search index weighs more. */
export interface Fact {
  label: string;
  value: CellValue | CellValue[];
  key?: boolean;
}

/** A page is a list of sections; each kind of section has one presentational component. */
export type Section =
  | { type: 'kpis'; items: Kpi[] }
  | { type: 'table'; table: string }
  | { type: 'chart'; title: string; svg: string; table?: string }
  | { type: 'facts'; title?: string; items: Fact[] }
  | { type: 'text'; text: string; title?: string }
  | { type: 'links'; title: string; links: Cell[] }
  | { type: 'pager'; label: string; current: number; pages: Cell[] }
  | { type: 'code'; file: string; lines: string[]; external?: string }
  | { type: 'search' };

export interface Page {
  /** "/", "/licenses/figma/": always with a trailing slash. */
  route: string;
  title: string;
  /** Which main navigation entry is current. */
  nav: NavKey;
  crumbs: Cell[];
  sections: Section[];
}

export const NAV = [
  ['overview', 'Overview', '/'],
  ['licenses', 'Licenses', '/licenses/'],
  ['contracts', 'Contracts', '/contracts/'],
  ['renewals', 'Renewals', '/renewals/'],
  ['vendors', 'Vendors', '/vendors/'],
  ['people', 'People', '/people/'],
  ['departments', 'Chargeback', '/departments/'],
  ['forecast', 'Forecast', '/forecast/'],
  ['compliance', 'Compliance', '/compliance/'],
  ['audit', 'Audit trail', '/audit/'],
  ['at', 'Point in time', '/at/'],
  ['search', 'Search', '/search/'],
] as const;
export type NavKey = (typeof NAV)[number][0] | 'source';

/** What `lac site build` hands to the Astro project, as one JSON file. */
export interface SiteInput {
  /** The sub-path the site is served under ("/" or "/repo/"); set by renderSite. */
  base: string;
  model: SiteModel;
  /** The renewal calendar (iCalendar), written by src/renewals. */
  ics: string;
  /** Inventory files at the commit, for the source view; null when findings link to the repository's web pages. */
  sources: Record<string, string> | null;
}

/** The input with the pages and tables derived from it (siteFromInput). */
export interface SiteData extends SiteInput {
  pages: Page[];
  tables: Record<string, Table>;
}
