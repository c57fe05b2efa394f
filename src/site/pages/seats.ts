// Seats on the site: one shared table of every seat (seats.csv), of which each person's "Seats held" and
// each license's "Who holds the seats" are views; a license's seats are paged, as the people list is.
import { routes } from '../routes.ts';
import type { CellValue, Page, Section, Table } from '../types.ts';
import { groupBy, pagedList, type Ctx } from './context.ts';

/** Rows of a license's seat list on one page: 90,000 seats are 180 pages, not one page of 30 MB. */
export const SEATS_PAGE_SIZE = 500;

const SEATS = 'seats';

/** Every seat, one row each (registered once): the CSV behind every person's and license's seat list. */
export function sharedSeats(ctx: Ctx): Table {
  if (!ctx.tables[SEATS]) {
    ctx.table({
      id: SEATS, title: 'Every seat',
      columns: [{ label: 'Holder' }, { label: 'License' }, { label: 'Tier' }, { label: 'Since', kind: 'date' }, { label: 'Activity' }, { label: 'Last active', kind: 'date' }, { label: 'Line' }],
      rows: ctx.m.seats.map((s) => [s.person ? ctx.person(s.person) : s.device ? { text: s.device, id: s.device } : '', ctx.license(s.license), s.tier, s.since, s.state, s.lastActive ?? '', { text: `${s.file}:${s.line}`, shown: String(s.line), href: ctx.links.blob(s.file, s.line) }]),
      empty: 'No seats assigned.',
    });
  }
  return ctx.tables[SEATS]!;
}

/** The ID behind a cell (a person's, a device's or a license's). */
export const cellId = (c: CellValue | undefined): string | undefined => (c && typeof c === 'object' ? c.id : undefined);

/** The shared table's rows per license, without the license column. */
export function seatRowsByLicense(ctx: Ctx): Map<string, CellValue[][]> {
  const out = new Map<string, CellValue[][]>();
  for (const [id, rows] of groupBy(sharedSeats(ctx).rows, (r) => cellId(r[1]))) out.set(id, rows.map((r) => [r[0]!, ...r.slice(2)]));
  return out;
}

/**
 * A license's seat list: the first SEATS_PAGE_SIZE rows on the license page (with a pager when there are more),
 * the rest on pages /licenses/<id>/seats/<n>/; every page's table is a view of seats.csv.
 */
export function licenseSeats(ctx: Ctx, license: { id: string; name: string }, rows: CellValue[][]): { sections: Section[]; pages: Page[] } {
  const shared = sharedSeats(ctx);
  const columns = [shared.columns[0]!, ...shared.columns.slice(2)];
  const href = (page: number) => routes.licenseSeats(license.id, page);
  const list = pagedList({
    rows, size: SEATS_PAGE_SIZE, title: 'Who holds the seats', pager: 'Pages of seats', href,
    table: (page, title, part) => ctx.table({ id: page === 1 ? `license-${license.id}-seats` : `license-${license.id}-seats-${page}`, title, columns, rows: part, csv: SEATS, empty: 'No seats assigned.' }),
  });
  const pages = Array.from({ length: list.pages - 1 }, (_, i): Page => ({
    route: href(i + 2), title: `${license.name}: seats, page ${i + 2} of ${list.pages}`, nav: 'licenses',
    crumbs: [{ text: 'Overview', href: routes.overview }, { text: 'Licenses', href: routes.licenses }, { text: license.name, href: routes.license(license.id) }],
    sections: list.sections(i + 2),
  }));
  return { sections: list.sections(1), pages };
}
