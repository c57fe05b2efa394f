import { routes } from '../routes.ts';
import type { CellValue, Column, LazyPage, Page, Table } from '../types.ts';
import { bulkCommits, summedBulk } from './audit.ts';
import { eventsTable, groupBy, leaverText, pagedList, withOwnTables, type Ctx } from './context.ts';
import { lazyRows } from '../rows.ts';
import { personSections } from './offboarding.ts';
import { leaversHolding } from './overview.ts';
import { personSeats, sharedSeats } from './seats.ts';

/** Rows of the people list on one page: 100,000 people are 200 pages, not one page of 30 MB. */
export const PEOPLE_PAGE_SIZE = 500;

/** The people list, one page of PEOPLE_PAGE_SIZE at a time; its CSV (people.csv) has everyone. */
export function peoplePage(ctx: Ctx): Page[] {
  const { m } = ctx;
  const dept = new Map(m.departments.map((d) => [d.id, d.name]));
  const row = (p: (typeof m.people)[number]): CellValue[] => [ctx.person(p.id), p.id, p.department ? dept.get(p.department) ?? p.department : '', p.costCentre ?? '', p.status, String(p.seats)];
  const everyone = { title: 'Everyone', columns: [{ label: 'Name', kind: 'person' }, { label: 'ID' }, { label: 'Department' }, { label: 'Cost centre' }, { label: 'Status' }, { label: 'Seats', numeric: true }] satisfies Column[], empty: 'No people.' };
  ctx.table(lazyRows({ ...everyone, id: 'people' }, m.people, row));
  const leavers = ctx.table({
    id: 'leavers-with-seats', title: 'Leavers holding seats (left, or leaving)',
    columns: [{ label: 'Person' }, { label: 'Status' }, { label: 'License' }, { label: 'Tier' }, { label: 'Since', kind: 'date' }, { label: 'Line' }],
    rows: leaversHolding(ctx).map((s) => [ctx.person(s.person), leaverText(s.leaver, s.end), ctx.license(s.license), s.tier, s.since, { text: `${s.file}:${s.line}`, href: ctx.links.blob(s.file, s.line) }]),
    empty: 'No leaver holds a seat, and nobody leaving does.',
  });
  const list = pagedList({
    count: m.people.length, size: PEOPLE_PAGE_SIZE, title: 'Everyone', pager: 'Pages of people', href: routes.peoplePage,
    table: (page, title, from, to) => ctx.table(lazyRows({ ...everyone, id: `people-page-${page}`, title, csv: 'people' }, () => m.people.slice(from, to), row)),
  });
  return Array.from({ length: list.pages }, (_, i): Page => ({
    route: routes.peoplePage(i + 1), title: i === 0 ? 'People' : `People, page ${i + 1} of ${list.pages}`, nav: 'people',
    crumbs: i === 0 ? [{ text: 'Overview', href: routes.overview }] : [{ text: 'Overview', href: routes.overview }, { text: 'People', href: routes.people }],
    sections: [...(i === 0 ? [leavers] : []), ...list.sections(i + 1)],
  }));
}

/** Who owns which license and contract: the CSV behind each person's "Owns" (filter on Owner_id). */
function ownershipTable(ctx: Ctx): Table {
  const { m } = ctx;
  return {
    id: 'ownership', title: 'Owners of licenses and contracts',
    columns: [{ label: 'Owner', kind: 'person' }, { label: 'What', kind: 'ref' }, { label: 'Kind' }],
    rows: [...m.licenses.flatMap((l) => (l.owner ? [[ctx.person(l.owner), ctx.license(l.id), 'license']] : [])), ...m.contracts.flatMap((c) => (c.owner ? [[ctx.person(c.owner), ctx.contract(c.id), 'contract']] : []))],
    empty: 'No license or contract names an owner.',
  };
}

/**
 * A page for each person who holds a seat or is named by a change (ctx.hasPage); the others are rows of the list.
 * Their tables are views of the shared CSVs (seats, ownership), not a file or three per person. Each page is made
 * when it is rendered, with its tables (100,000 of them held at once were most of a build's memory).
 */
export function personPages(ctx: Ctx): LazyPage[] {
  const { m } = ctx;
  const dept = new Map(m.departments.map((d) => [d.id, d.name]));
  sharedSeats(ctx);
  const seatsBy = groupBy(m.seats, (s) => s.person);
  const ownership = tableOf(ctx, ctx.table(ownershipTable(ctx)));
  const ownColumns = ownership.columns.slice(1);
  const ownRows = groupBy(ownership.rows, (r) => idOf(r[0]));
  const eventsBy = groupBy(m.events, (e) => e.person);
  const bulk = bulkCommits(m.events);
  // A leaver's seat removals have a CSV of their own: registered with the site now, for the downloads.
  const offboarding = new Map(m.people.filter((p) => ctx.hasPage(p.id)).map((p) => [p.id, personSections(ctx, p.id)]));
  const page = (c: Ctx, p: (typeof m.people)[number]): Page => ({
    route: routes.person(p.id), title: p.name, nav: 'people', crumbs: CRUMBS,
    sections: [
      { type: 'facts', items: [
        { label: 'ID', value: p.id, key: true }, { label: 'Email', value: p.email, key: true }, { label: 'Title', value: p.title ?? '—' },
        { label: 'Department', value: p.department ? dept.get(p.department) ?? p.department : '—' }, { label: 'Cost centre', value: p.costCentre ?? '—' },
        { label: 'Manager', value: c.person(p.manager) || '—' }, { label: 'Status', value: p.status },
        { label: 'Started', value: p.start ?? '—' }, { label: p.leaver === 'leaving' ? 'Leaves on' : p.end && p.end >= m.provenance.today ? 'Ends on' : 'Left on', value: p.end ?? '—' },
      ] },
      personSeats(c, p.id, seatsBy.get(p.id) ?? []),
      ...offboarding.get(p.id)!,
      // Only owners have the section: most people own nothing, and 20,000 pages saying so were 6 MB.
      ...(ownRows.has(p.id) ? [c.table({ id: `person-${p.id}-owns`, title: 'Owns', csv: 'ownership', columns: ownColumns, rows: ownRows.get(p.id)!.map((r) => r.slice(1)) })] : []),
      // Each change is in its license's history CSV, the audit trail CSVs and data.json.gz: no file per person.
      c.table(eventsTable(c, `person-${p.id}-history`, 'Change history', () => summedBulk(eventsBy.get(p.id) ?? [], bulk), { csv: null })),
    ],
  });
  return m.people.filter((p) => ctx.hasPage(p.id)).map((p): LazyPage => {
    const shows = offboarding.get(p.id)!.flatMap((s) => (s.type === 'table' ? [s.table] : []));
    return { route: routes.person(p.id), make: () => withOwnTables(ctx, (c) => page(c, p)), ...(shows.length ? { shows } : {}) };
  });
}

const CRUMBS: Page['crumbs'] = [{ text: 'Overview', href: routes.overview }, { text: 'People', href: routes.people }];
const tableOf = (ctx: Ctx, s: { type: string; table?: string }): Table => ctx.tables[s.table!]!;
/** A person's ID from their cell (a device's cell has no email). */
const idOf = (c: CellValue | undefined): string | undefined => (c && typeof c === 'object' && c.email !== undefined ? c.id : undefined);
