// The JSON-able data the report site is built from. `lac site build` computes it once (src/site),
// writes it to a file, and the Astro project in site/ only renders it.
import type { SiteModel } from './model/types.ts';

/** A link: a route of the site ("/licenses/figma/", without the base path) or an absolute URL. */
export interface Cell {
  text: string;
  href?: string;
  /** For the CSV (src/site/csv/): the number behind the text ("45%" → 45); null when there is none. */
  value?: number | null;
  /** For the CSV: the count is unlimited (the number, if any, counts the other tiers). */
  unlimited?: boolean;
  /** For the CSV: the ID of the record this name stands for, and a person's email. */
  id?: string;
  email?: string;
  /** On the page in place of text: a seat's line number, the file being the license's (the CSV keeps file:line). */
  shown?: string;
}

export type CellValue = string | Cell;

export interface Column {
  label: string;
  /** Right-aligned (amounts, counts). */
  numeric?: boolean;
  /** How the CSV writes the column (src/site/csv/kinds.ts); inferred from the label and cells when absent. */
  kind?: ColumnKind;
  /** What the column means, for the downloads page; the glossary (src/site/csv/glossary.ts) when absent. */
  doc?: string;
}

/** date: YYYY-MM-DD; period: "a – b" as _start and _end; count: a number and a _unlimited flag; money: a decimal and a currency column; person/ref: the name and its _id (and _email). */
export type ColumnKind = 'text' | 'date' | 'period' | 'number' | 'count' | 'percent' | 'money' | 'yesno' | 'person' | 'ref';

/** A table shown on a page and offered as CSV at /download/csv/<id>.csv with the same cells. */
export interface Table {
  id: string;
  title: string;
  columns: readonly Column[];
  rows: CellValue[][];
  /** Shown when there are no rows. */
  empty?: string;
  /**
   * The table's rows are a view of a shared CSV (the table with this id, e.g. one person's seats of "seats"),
   * which the CSV link opens; the table has no file of its own. null: no CSV (the rows are in data.json.gz).
   */
  csv?: string | null;
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
  | { type: 'pager'; label: string; current: number; pages: Cell[]; prev?: Cell; next?: Cell }
  | { type: 'code'; file: string; lines: string[]; external?: string; /** The number of the first line (default 1). */ start?: number }
  | { type: 'search' }
  /** A month picker that opens /audit/YYYY/MM/ (with JavaScript; the month links work without). Months newest first. */
  | { type: 'monthJump'; months: string[] };

export interface Page {
  /** "/", "/licenses/figma/": always with a trailing slash. */
  route: string;
  title: string;
  /** Which main navigation entry is current. */
  nav: NavKey;
  crumbs: Cell[];
  sections: Section[];
  /** Tables of the page's own, not registered with the site's (a LazyPage's): its sections name them first. */
  tables?: Record<string, Table>;
}

/**
 * A page made when it is rendered, not before: a person's page (100,000 of them held at once were most of a
 * large organization's build memory). make() gives the page with its own tables.
 */
export interface LazyPage {
  route: string;
  make(): Page;
  /** The site's tables the page will show (beside its own), so that they reach Astro. */
  shows?: string[];
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

/** What the Astro project renders: the pages and their tables, and of the model only what every page's frame shows. */
export interface RenderData {
  base: string;
  pages: (Page | LazyPage)[];
  tables: Record<string, Table>;
  model: Pick<SiteModel, 'provenance' | 'org'>;
  /**
   * Takes each rendered page (its route, its HTML) from the site's middleware, which gives Astro nothing to write:
   * renderSite writes the page, and the search index is built while Astro renders (src/site/search-index.ts).
   */
  onPage?: (route: string, html: string) => Promise<void>;
}
