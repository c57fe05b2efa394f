// The audit trail by date without JavaScript (issue 15): a page per month, a CSV per year, and the whole trail as one CSV while it is small enough.
import { routes } from '../routes.ts';
import type { Cell, Page, Section } from '../types.ts';
import { PAGE_SIZE, trail } from './audit.ts';
import { eventsTable, groupBy, pagerSection, type AuditRow, type Ctx } from './context.ts';

/** The whole trail is one CSV up to this many rows (a spreadsheet opens about a million; a browser download of this size stays quick). */
export const WHOLE_TRAIL_ROWS = 100_000;

export const yearTableId = (year: string) => `audit-year-${year}`;
export const WHOLE_TRAIL_TABLE = 'audit-trail';

const CRUMBS: Cell[] = [{ text: 'Overview', href: routes.overview }, { text: 'Audit trail', href: routes.audit() }];
const count = (rows: AuditRow[]) => rows.reduce((n, r) => n + (r.count ?? 1), 0);

/** The month index, a page (or pages of 100) per month with changes, and the year and whole-trail CSVs. */
export function auditMonthPages(ctx: Ctx): Page[] {
  const rows = trail(ctx.m.events);
  // Dates are UTC instants: the month is the one the audit trail's date column shows.
  const byMonth = groupBy(rows, (e) => e.date.slice(0, 7));
  const byYear = groupBy([...byMonth.keys()].sort().reverse(), (m) => m.slice(0, 4));
  const whole = rows.length > 0 && rows.length <= WHOLE_TRAIL_ROWS;
  if (whole) ctx.table(eventsTable(ctx, WHOLE_TRAIL_TABLE, 'The whole audit trail', rows));
  const years: Section[] = [...byYear].map(([year, months]) => {
    const yearRows = months.flatMap((m) => byMonth.get(m)!);
    ctx.table(eventsTable(ctx, yearTableId(year), `Audit trail ${year}`, yearRows));
    return {
      type: 'links', title: `${year}: ${count(yearRows)} changes`,
      links: [...months.map((m) => ({ text: `${m} (${count(byMonth.get(m)!)})`, href: routes.auditMonth(m) })), { text: `All of ${year} (CSV)`, href: routes.csv(yearTableId(year)) }],
    };
  });
  const index: Page = {
    route: routes.auditMonths, title: 'Audit trail by month', nav: 'audit', crumbs: CRUMBS,
    sections: [
      ...(byMonth.size ? [{ type: 'monthJump' as const, months: [...byMonth.keys()].sort().reverse() }] : []),
      { type: 'text', text: `Every change event by the month of its commit (UTC), newest first; each year also as one CSV. ${whole ? 'The whole trail is one CSV as well' : `The whole trail is not offered as one CSV: it has more than ${WHOLE_TRAIL_ROWS} rows`}.` },
      ...(whole ? [{ type: 'links' as const, title: 'Whole trail', links: [{ text: `The whole audit trail (CSV, ${rows.length} rows)`, href: routes.csv(WHOLE_TRAIL_TABLE) }] }] : []),
      ...years,
    ],
  };
  return [index, ...[...byMonth].flatMap(([month, events]) => monthPages(ctx, month, events, byYear.get(month.slice(0, 4))!))];
}

function monthPages(ctx: Ctx, month: string, events: AuditRow[], yearMonths: string[]): Page[] {
  const n = Math.max(1, Math.ceil(events.length / PAGE_SIZE));
  const year = month.slice(0, 4);
  const siblings: Section = { type: 'links', title: `Months of ${year}`, links: [...yearMonths].reverse().map((m) => ({ text: m, href: routes.auditMonth(m) })) };
  return Array.from({ length: n }, (_, i): Page => {
    const slice = events.slice(i * PAGE_SIZE, (i + 1) * PAGE_SIZE);
    return {
      route: routes.auditMonth(month, i + 1), title: `Audit trail: ${month}${n > 1 ? `, page ${i + 1} of ${n}` : ''}`, nav: 'audit',
      crumbs: [...CRUMBS, { text: 'By month', href: routes.auditMonths }],
      sections: [
        siblings,
        { type: 'text', text: `${count(events)} change events committed in ${month} (UTC), newest first. The year's CSV has them all.` },
        { type: 'links', title: 'Download', links: [{ text: `All of ${year} (CSV)`, href: routes.csv(yearTableId(year)) }] },
        pagerSection('Pages', n, i + 1, (p) => routes.auditMonth(month, p)),
        ctx.table(eventsTable(ctx, `audit-${month}-${i + 1}`, `${month}${n > 1 ? ` ${i * PAGE_SIZE + 1}–${i * PAGE_SIZE + slice.length}` : ''}`, slice)),
        pagerSection('Pages (bottom)', n, i + 1, (p) => routes.auditMonth(month, p)),
      ],
    };
  });
}
