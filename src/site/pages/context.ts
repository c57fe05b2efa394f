import type { HistoryEvent } from '../../history/history.ts';
import type { Links } from '../links.ts';
import type { SiteModel, UnknownInfo } from '../model/types.ts';
import { routes } from '../routes.ts';
import { lazyRows } from '../rows.ts';
import type { Cell, CellValue, Column, Page, Section, Table } from '../types.ts';

/** What every page builder gets: the model, the link template, and the table registry. */
export interface Ctx {
  m: SiteModel;
  links: Links;
  tables: Record<string, Table>;
  /** Registers a table (its id must be unique across the site) and returns its section. */
  table(t: Table): Section;
  person(id: string | null | undefined): CellValue;
  license(id: string | null | undefined): CellValue;
  contract(id: string | null | undefined): CellValue;
  vendor(id: string | null | undefined): CellValue;
  /** "Annual cost (EUR)". */
  money(label: string): string;
  /** Whether a person has a page of their own (personPages): else their name is shown without a link. */
  hasPage(person: string): boolean;
}

/** The people with a page of their own: those holding a seat or named by a change in the history (issue 16). */
export function peopleWithPages(m: SiteModel): Set<string> {
  const out = new Set(m.people.filter((p) => p.seats > 0).map((p) => p.id));
  for (const e of m.events) if (e.person) out.add(e.person);
  return out;
}

export function context(m: SiteModel, links: Links): Ctx {
  const tables: Record<string, Table> = {};
  const names = {
    person: new Map(m.people.map((p) => [p.id, p.name])),
    license: new Map(m.licenses.map((l) => [l.id, l.name])),
    contract: new Map(m.contracts.map((c) => [c.id, c.id])),
    vendor: new Map(m.vendors.map((v) => [v.id, v.name])),
  };
  const emails = new Map(m.people.map((p) => [p.id, p.email]));
  const withPage = peopleWithPages(m);
  // The ID (and a person's email) ride along for the CSV, which writes them beside the name (src/site/csv/).
  // One cell per record, shared by every table that names it (a million seats name 100,000 people): no page
  // builder changes a cell.
  const ref = (kind: keyof typeof names, route: (id: string) => string) => {
    const made = new Map<string, Cell>();
    return (id: string | null | undefined): CellValue => {
      if (!id) return '';
      let cell = made.get(id);
      if (!cell) {
        const name = names[kind].get(id);
        const email = kind === 'person' ? { email: emails.get(id) ?? '' } : {};
        cell = name === undefined ? { text: id, id, ...email } : kind === 'person' && !withPage.has(id) ? { text: name, id, ...email } : { text: name, href: route(id), id, ...email };
        made.set(id, cell);
      }
      return cell;
    };
  };
  return {
    m, links, tables,
    table: register(tables),
    person: ref('person', routes.person),
    license: ref('license', routes.license),
    contract: ref('contract', routes.contract),
    vendor: ref('vendor', routes.vendor),
    money: (label) => `${label} (${m.org.currency})`,
    hasPage: (person) => withPage.has(person),
  };
}

/** A registry's table(): puts t in `tables` (its id taken neither there nor in `taken`) and returns its section. */
const register = (tables: Record<string, Table>, taken: Record<string, Table> = {}) => (t: Table): Section => {
  if (tables[t.id] || taken[t.id]) throw new Error(`duplicate table id ${t.id}`);
  tables[t.id] = t;
  return { type: 'table', table: t.id };
};

/** A page made with a table registry of its own (a LazyPage's): its tables go with it, not into the site's. */
export function withOwnTables(ctx: Ctx, build: (c: Ctx) => Page): Page {
  const tables: Record<string, Table> = {};
  return { ...build({ ...ctx, tables, table: register(tables, ctx.tables) }), tables };
}

/** A share in percent with two decimals, for the CSV beside a rounded page figure. */
export const round2 = (v: number) => Math.round(v * 100) / 100;

export const pct = (v: number | null) => (v === null ? '' : `${Math.round(v * 100)}%`);

/** A percentage the report already computed (0..100, two decimals). */
export const percent = (v: number | null) => (v === null ? '' : `${Math.round(v)}%`);

/** The contracts whose cancel-by date lies ahead, soonest first. */
export const upcoming = (m: SiteModel) => m.upcoming.map((id) => m.contracts.find((c) => c.id === id)!);
export const num = (v: number | null | undefined | 'unlimited') => (v === null || v === undefined ? '' : String(v));

/** Idle seats, or "unknown" with the reason when use is not known: unknown is not idle, and never 0. */
export function idle(f: { active: number | null; inactive: number; unknown: number; unknownReason: string | null }): Cell {
  if (f.unknown === 0 || f.unknownReason === null) return { text: String(f.inactive), value: f.inactive };
  const unknown = `${f.unknown} unknown: ${f.unknownReason}`;
  // The CSV has the seats known to be idle; none when use is not known at all.
  return f.active === null && f.inactive === 0 ? { text: unknown, value: null } : { text: `${f.inactive} (+ ${unknown})`, value: f.inactive };
}

/** An amount in a table: its known part, empty when nothing of it is known (never a 0), so each table's CSV download still sums exactly; the "Cost unknown" column beside it says what is missing. */
export const amount = (value: string | null, u: UnknownInfo | null): string => (u?.whole ? '' : (value ?? ''));

/** The "Cost unknown" cell of an amount: "partly unknown: why" beside a known part ("+ …" would read as a formula in a spreadsheet), "unknown: why" when nothing is known, else empty. */
export const unknownCell = (u: UnknownInfo | null): string => (!u ? '' : `${u.whole ? '' : 'partly '}unknown: ${u.reason}`);

/** An amount outside a table, as the totals read: "12.00 + unknown: why", or "unknown: why". */
export const amountText = (value: string, u: UnknownInfo | null): string => (!u ? value : u.whole ? `unknown: ${u.reason}` : `${value} + unknown: ${u.reason}`);

/** A chart label: "12.00 + unknown", or "unknown" (the reason is in the table the chart comes with). */
export const shortUnknown = (text: string, u: UnknownInfo | null): string => (!u ? text : u.whole ? 'unknown' : `${text} + unknown`);

/** A tier's cost is known or not at all: its reason as an unknown part. */
export const wholly = (reason: string | null): UnknownInfo | null => (reason === null ? null : { reason, whole: true });

/** Adds the "Cost unknown" column (`unknownCell`, one per row) to a table when some row has an unknown part. */
export function withUnknownColumn(t: Table, unknowns: Array<UnknownInfo | null | undefined>): Table {
  if (!unknowns.some(Boolean)) return t;
  return { ...t, columns: [...t.columns, { label: 'Cost unknown' }], rows: t.rows.map((r, i) => [...r, unknownCell(unknowns[i] ?? null)]) };
}

/** Seats bought per tier: a number, "unlimited" (never summed into a count), or "none". */
export function bought(l: { tiers: { id: string; entitled: number | 'unlimited' | null }[]; entitled: number | null; unlimited: boolean }): Cell {
  // The CSV has the counted tiers' sum and the unlimited flag.
  const csv = { value: l.entitled, unlimited: l.unlimited };
  if (l.tiers.length <= 1) return { text: l.unlimited ? 'unlimited' : num(l.entitled), ...csv };
  return { text: l.tiers.map((t) => `${t.id} ${t.entitled ?? 'none'}`).join(', '), ...csv };
}

/** "Left on <date>" for someone who has left, "Leaves on <date>" while the day is ahead. */
export const leaverText = (leaver: 'left' | 'leaving' | null, end: string | null): string =>
  leaver === 'leaving' ? `leaves on ${end}` : leaver === 'left' ? (end ? `left on ${end}` : 'left') : '';
export const text = (c: CellValue): string => (typeof c === 'string' ? c : c.text);
export const link = (t: string, href: string | null | undefined): CellValue => (href ? { text: t, href } : t);

/** "12,345.60 EUR" for prose and key figures (tables keep plain decimals so that CSV matches). */
export function money(amount: string, currency: string): string {
  const [int, frac] = amount.split('.');
  const neg = int!.startsWith('-');
  const grouped = (neg ? int!.slice(1) : int!).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}${frac ? `.${frac}` : ''} ${currency}`;
}

/** A short summary of an event's details: "quantity: 24 → 30", "tier: full, since: 2026-01-05". */
export function describe(e: HistoryEvent): string {
  const d = e.details as Record<string, unknown>;
  const show = (v: unknown): string => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  if ('field' in d) return `${show(d.field)}: ${show(d.from)} → ${show(d.to)}`;
  if ('from' in d && 'to' in d) return `${show(d.from)} → ${show(d.to)}`;
  return Object.entries(d).map(([k, v]) => `${k}: ${show(v)}`).join(', ');
}

/** A change event, or (count set) the sum of one kind of change to one license in a bulk commit. */
export type AuditRow = HistoryEvent & { count?: number };

export interface EventsTableOptions {
  /** Where each change of a summed bulk commit is listed. */
  each?: string;
  /** With a License column (false on a license's own page and CSV: it would repeat the license on every row). */
  license?: boolean;
  /** The CSV the table is a view of (Table.csv). */
  csv?: string | null;
}

/** "verified" / "unverified" as GitHub judged the signature; without its verdict, whether the commit carries one. */
const signedCell = (e: AuditRow): string => (e.approval && e.approval.signature !== 'unavailable' ? e.approval.signature : e.signed ? 'yes (not verified)' : 'no');

/** The standard table of change events (audit trail, license, person and contract pages); `each` says where a summed row's changes are listed one by one. */
export function eventsTable(ctx: Ctx, id: string, title: string, events: AuditRow[] | (() => AuditRow[]), o: EventsTableOptions = {}): Table {
  const { each = "each is in its license's change history", license = true } = o;
  return lazyRows({ id, title, columns: license ? EVENT_COLUMNS : EVENT_COLUMNS_NO_LICENSE, empty: 'No changes recorded in the git history.', ...(o.csv !== undefined ? { csv: o.csv } : {}) }, events, (e) => {
    const pull = e.pr !== null ? ctx.links.pull(e.pr) : null;
    // The most specific subject, linked: a seat event is about a person (or device) on a license.
    const subj: CellValue = e.count !== undefined ? `${e.count} records` : e.person ? ctx.person(e.person) : e.device ? e.device : e.contract ? ctx.contract(e.contract) : e.license ? ctx.license(e.license) : e.vendor ? ctx.vendor(e.vendor) : e.file;
    const change = e.count !== undefined ? `${e.count} × ${e.type} in one commit${e.license || e.type.startsWith('seat.') ? `; ${each}` : ''}` : describe(e);
    const row = [
      e.date.slice(0, 10), e.type, e.license ? ctx.license(e.license) : '', subj, change, e.author,
      // The site's commit page: who reviewed and approved it, its diff (it links on to the repository's own page).
      { text: e.commit.slice(0, 10), href: routes.commit(e.commit), id: e.commit },
      e.pr === null ? '' : link(`#${e.pr}`, pull),
      signedCell(e),
    ];
    if (!license) row.splice(LICENSE_COLUMN, 1);
    return row;
  });
}

/** The License column of eventsTable, left out on a license's own tables. */
const LICENSE_COLUMN = 2;

// One array of columns for all the event tables (a person's page has one): no table changes its columns. Every
// kind is declared, so that each table's CSV has the same types (a history whose commits are all unsigned is not a
// yes/no column) and no CSV reads its rows twice to find them (a license's history at 100,000 people: 100,000 rows).
const EVENT_COLUMNS: readonly Column[] = [
  { label: 'Date', kind: 'date' }, { label: 'Event', kind: 'text' }, { label: 'License' }, { label: 'Subject' }, { label: 'Change', kind: 'text' },
  { label: 'Author', kind: 'text' }, { label: 'Commit' }, { label: 'Pull request', kind: 'text' }, { label: 'Signed', kind: 'text' },
];
const EVENT_COLUMNS_NO_LICENSE = EVENT_COLUMNS.filter((_, i) => i !== LICENSE_COLUMN);

/** Groups items by a key, keeping their order. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string | null | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null || k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Page links around the current one: first, last, and a few either side (a history of 100,000 changes has thousands of pages). */
export function pagerCells(n: number, current: number, href: (page: number) => string, around = 4): Cell[] {
  const pages = [...new Set([1, ...Array.from({ length: around * 2 + 1 }, (_, i) => current - around + i), n])].filter((p) => p >= 1 && p <= n).sort((a, b) => a - b);
  return pages.map((p) => ({ text: String(p), href: href(p) }));
}

/** A pager section: the page numbers (pagerCells) with previous and next links where there is such a page. */
export function pagerSection(label: string, n: number, current: number, href: (page: number) => string): Section {
  return {
    type: 'pager', label, current, pages: pagerCells(n, current, href),
    ...(current > 1 ? { prev: { text: 'Previous', href: href(current - 1) } } : {}),
    ...(current < n ? { next: { text: 'Next', href: href(current + 1) } } : {}),
  };
}

/**
 * A long table shown `size` rows a page: a page's sections are its part of the rows (titled "<title>: a–b of N"
 * when there are several pages) between a pager above and one below; `table` registers that part, rows
 * `from` (inclusive) `to` (exclusive) of `count`, as a view.
 */
export function pagedList(o: {
  count: number; size: number; title: string; pager: string; href: (page: number) => string;
  table: (page: number, title: string, from: number, to: number) => Section;
}): { pages: number; sections: (page: number) => Section[] } {
  const pages = Math.max(1, Math.ceil(o.count / o.size));
  return {
    pages,
    sections: (page) => {
      const from = (page - 1) * o.size;
      const to = Math.min(from + o.size, o.count);
      const table = o.table(page, pages > 1 ? `${o.title}: ${from + 1}–${to} of ${o.count}` : o.title, from, to);
      return pages > 1 ? [pagerSection(o.pager, pages, page, o.href), table, pagerSection(`${o.pager} (bottom)`, pages, page, o.href)] : [table];
    },
  };
}

