// Seats on the site: one shared table of every seat (seats.csv), of which each person's "Seats held" and
// each license's "Who holds the seats" are views; a license's seats are paged, as the people list is. The
// rows are made from the model's seats when a table is read (lazyRows): a million seats' rows are not held.
import type { SeatRow } from '../model/types.ts';
import { routes } from '../routes.ts';
import type { CellValue, Column, Page, Section, Table } from '../types.ts';
import { groupBy, pagedList, type Ctx } from './context.ts';
import { lazyRows } from '../rows.ts';

/** Rows of a license's seat list on one page: 90,000 seats are 180 pages, not one page of 30 MB. */
export const SEATS_PAGE_SIZE = 500;

const SEATS = 'seats';

// Every column's kind declared: seats.csv's columns are known without reading its million rows (src/site/csv/kinds.ts).
const COLUMNS: readonly Column[] = [{ label: 'Holder' }, { label: 'License' }, { label: 'Tier', kind: 'text' }, { label: 'Since', kind: 'date' }, { label: 'Activity', kind: 'text' }, { label: 'Last active', kind: 'date' }, { label: 'Line', kind: 'text' }];
// The views' columns, shared by every person's and every license's list.
const PERSON_COLUMNS = COLUMNS.slice(1);
const LICENSE_COLUMNS = [COLUMNS[0]!, ...COLUMNS.slice(2)];

/** A seat's row of seats.csv: holder, license, tier, since, activity, last active, line. */
export function seatRow(ctx: Ctx, s: SeatRow): CellValue[] {
  return [s.person ? ctx.person(s.person) : s.device ? { text: s.device, id: s.device } : '', ctx.license(s.license), s.tier, s.since, s.state, s.lastActive ?? '', { text: `${s.file}:${s.line}`, shown: String(s.line), href: ctx.links.blob(s.file, s.line) }];
}

/** The row without one column (a view leaves out what its page is about: the holder or the license). */
const without = (row: CellValue[], column: number): CellValue[] => (row.splice(column, 1), row);

/** Every seat, one row each (registered once): the CSV behind every person's and license's seat list. */
export function sharedSeats(ctx: Ctx): Table {
  if (!ctx.tables[SEATS]) ctx.table(lazyRows({ id: SEATS, title: 'Every seat', columns: COLUMNS, empty: 'No seats assigned.' }, ctx.m.seats, (s) => seatRow(ctx, s)));
  return ctx.tables[SEATS]!;
}

/** A person's seats, as a view of seats.csv (without the holder column; the caller registers seats.csv: sharedSeats). */
export function personSeats(ctx: Ctx, person: string, seats: readonly SeatRow[]): Section {
  return ctx.table(lazyRows({ id: `person-${person}-seats`, title: 'Seats held', csv: SEATS, columns: PERSON_COLUMNS, empty: 'Holds no seats.' }, seats, (s) => without(seatRow(ctx, s), 0)));
}

/** The ID behind a cell (a person's, a device's or a license's). */
export const cellId = (c: CellValue | undefined): string | undefined => (c && typeof c === 'object' ? c.id : undefined);

/** The model's seats per license, in seats.csv's order. */
export function seatsByLicense(ctx: Ctx): Map<string, SeatRow[]> {
  return groupBy(ctx.m.seats, (s) => s.license);
}

/**
 * A license's seat list: the first SEATS_PAGE_SIZE rows on the license page (with a pager when there are more),
 * the rest on pages /licenses/<id>/seats/<n>/; every page's table is a view of seats.csv.
 */
export function licenseSeats(ctx: Ctx, license: { id: string; name: string }, seats: readonly SeatRow[]): { sections: Section[]; pages: Page[] } {
  sharedSeats(ctx);
  const href = (page: number) => routes.licenseSeats(license.id, page);
  const list = pagedList({
    count: seats.length, size: SEATS_PAGE_SIZE, title: 'Who holds the seats', pager: 'Pages of seats', href,
    table: (page, title, from, to) => ctx.table(lazyRows({ id: page === 1 ? `license-${license.id}-seats` : `license-${license.id}-seats-${page}`, title, columns: LICENSE_COLUMNS, csv: SEATS, empty: 'No seats assigned.' }, () => seats.slice(from, to), (s) => without(seatRow(ctx, s), 1))),
  });
  const pages = Array.from({ length: list.pages - 1 }, (_, i): Page => ({
    route: href(i + 2), title: `${license.name}: seats, page ${i + 2} of ${list.pages}`, nav: 'licenses',
    crumbs: [{ text: 'Overview', href: routes.overview }, { text: 'Licenses', href: routes.licenses }, { text: license.name, href: routes.license(license.id) }],
    sections: list.sections(i + 2),
  }));
  return { sections: list.sections(1), pages };
}
