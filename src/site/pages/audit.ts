import type { HistoryEvent } from '../../history/history.ts';
import { routes } from '../routes.ts';
import type { Cell, Page } from '../types.ts';
import { changeCommitPages } from './commit.ts';
import { eventsTable, groupBy, pagerSection, type AuditRow, type Ctx } from './context.ts';

export const PAGE_SIZE = 100;
/**
 * A commit with more changes than this (an initial import of 100,000 seats) shows in the trail as
 * one row per kind of change and license; each change is still on that license's page and in data.json.gz.
 */
export const BULK = 500;

const CATEGORIES = [
  ['all', 'All changes'], ['seat', 'Seats'], ['person', 'People'], ['license', 'Licenses'], ['contract', 'Contracts'],
  ['vendor', 'Vendors'], ['usage', 'Usage snapshots'], ['org', 'Org settings'], ['file', 'Unreadable files'],
] as const;

const categoryOf = (e: AuditRow) => e.type.slice(0, e.type.indexOf('.'));

/** The events of each commit, with those of bulk commits summed up per kind of change and license. */
export function trail(events: HistoryEvent[]): AuditRow[] {
  const out: AuditRow[] = [];
  for (const commitEvents of groupBy(events, (e) => e.commit).values()) {
    if (commitEvents.length <= BULK) {
      out.push(...commitEvents);
      continue;
    }
    for (const group of groupBy(commitEvents, (e) => `${e.type}\u0000${e.license ?? ''}`).values()) {
      const e = group[0]!;
      out.push({ ...e, person: undefined, device: undefined, contract: undefined, vendor: undefined, details: {}, count: group.length });
    }
  }
  return out;
}

/** The commits with more than BULK change events (an initial import). */
export function bulkCommits(events: HistoryEvent[]): Set<string> {
  return new Set([...groupBy(events, (e) => e.commit)].filter(([, list]) => list.length > BULK).map(([commit]) => commit));
}

/**
 * One record's events with those of bulk commits summed per commit and kind of change: a person's page or a
 * license's shows one row for its part of an import of 200,000 seats, not a row per seat (issue 16). A sum
 * names a license only when all its events are of that license; a single event stays itself.
 */
export function summedBulk(events: HistoryEvent[], bulk: Set<string>): AuditRow[] {
  const out: AuditRow[] = [];
  const sums = new Map<string, { row: AuditRow; first: HistoryEvent; at: number }>();
  for (const e of events) {
    if (!bulk.has(e.commit)) {
      out.push(e);
      continue;
    }
    const key = `${e.commit}\u0000${e.type}`;
    const sum = sums.get(key);
    if (sum) {
      sum.row.count! += 1;
      if (sum.row.license !== e.license) sum.row.license = undefined;
    } else {
      const row: AuditRow = { ...e, person: undefined, device: undefined, contract: undefined, vendor: undefined, details: {}, count: 1 };
      sums.set(key, { row, first: e, at: out.length });
      out.push(row);
    }
  }
  for (const s of sums.values()) if (s.row.count === 1) out[s.at] = s.first;
  return out;
}

/** The audit trail: every change event, newest first, by kind of change, 100 to a page. */
export function auditPages(ctx: Ctx): Page[] {
  const { m } = ctx;
  const rows = trail(m.events);
  const byCategory = groupBy(rows, categoryOf);
  byCategory.set('all', rows);
  const present = CATEGORIES.filter(([c]) => byCategory.has(c));
  const total = (xs: AuditRow[]) => xs.reduce((n, x) => n + (x.count ?? 1), 0);
  const filters: Cell[] = present.map(([c, label]) => ({ text: `${label} (${total(byCategory.get(c)!)})`, href: routes.audit(c, 1) }));
  // Each license's page holds its own change history: the trail filtered by license.
  const byLicense = groupBy(m.events, (e) => e.license);
  const licenseFilters: Cell[] = m.licenses.filter((l) => byLicense.has(l.id)).map((l) => ({ text: `${l.name} (${byLicense.get(l.id)!.length})`, href: `${routes.license(l.id)}#t-license-${l.id}-history` }));
  const months = [...new Set(rows.map((e) => e.date.slice(0, 7)))].sort().reverse();
  const pages: Page[] = [];
  for (const [category, label] of present) {
    const events = byCategory.get(category)!;
    const n = Math.max(1, Math.ceil(events.length / PAGE_SIZE));
    for (let i = 0; i < n; i++) {
      const slice = events.slice(i * PAGE_SIZE, (i + 1) * PAGE_SIZE);
      pages.push({
        route: routes.audit(category, i + 1), title: `Audit trail: ${label.toLowerCase()}${n > 1 ? `, page ${i + 1} of ${n}` : ''}`, nav: 'audit',
        crumbs: [{ text: 'Overview', href: routes.overview }, { text: 'Audit trail', href: routes.audit() }],
        sections: [
          { type: 'links', title: 'Show', links: filters },
          { type: 'links', title: 'By date', links: [{ text: 'By month, and a CSV per year', href: routes.auditMonths }] },
          ...(category === 'all' && i === 0 && months.length ? [{ type: 'monthJump' as const, months }] : []),
          ...(category === 'all' && i === 0 && licenseFilters.length ? [{ type: 'links' as const, title: 'Changes to one license', links: licenseFilters }] : []),
          { type: 'text', text: `${total(events)} change events from the git history, newest first; each links to its commit and the pull request it came in by. A commit that changed more than ${BULK} records shows one row per kind of change and license; the license's page lists each change.` },
          pagerSection('Pages', n, i + 1, (p) => routes.audit(category, p)),
          ctx.table(eventsTable(ctx, `audit-${category}-${i + 1}`, `${label}${n > 1 ? ` ${i * PAGE_SIZE + 1}–${i * PAGE_SIZE + slice.length}` : ''}`, slice)),
          pagerSection('Pages (bottom)', n, i + 1, (p) => routes.audit(category, p)),
        ],
      });
    }
  }
  // Every change links to its commit's page (who approved it); quiet commits only when commits have no web address.
  return pages.concat(changeCommitPages(ctx), ctx.links.local ? quietCommitPages(ctx) : []);
}

/** A page per commit that changed nothing in the inventory but that the site links to, when commits have no web address. */
function quietCommitPages(ctx: Ctx): Page[] {
  const byCommit = groupBy(ctx.m.events, (e) => e.commit);
  // A point in time can fall on a commit that changed nothing in the inventory (a README edit).
  const quiet = new Map<string, string>();
  for (const s of ctx.m.snapshots) if (!byCommit.has(s.commit)) quiet.set(s.commit, s.commitDate);
  for (const i of ctx.m.savings.items) if (!byCommit.has(i.commit)) quiet.set(i.commit, i.date);
  return [...quiet].map(([sha, date]): Page => ({
    route: routes.commit(sha), title: `Commit ${sha.slice(0, 12)}`, nav: 'audit',
    crumbs: [{ text: 'Overview', href: routes.overview }, { text: 'Audit trail', href: routes.audit() }],
    sections: [
      { type: 'facts', items: [{ label: 'Commit', value: sha }, { label: 'Date', value: date }] },
      { type: 'text', text: 'This commit changed nothing under inventory/; the inventory stood as the commit before it left it.' },
    ],
  }));
}
