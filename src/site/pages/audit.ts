import type { HistoryEvent } from '../../history/history.ts';
import { routes } from '../routes.ts';
import type { Cell, Page } from '../types.ts';
import { eventsTable, link, type Ctx } from './context.ts';

export const PAGE_SIZE = 50;

const CATEGORIES = [
  ['all', 'All changes'], ['seat', 'Seats'], ['person', 'People'], ['license', 'Licenses'], ['contract', 'Contracts'],
  ['vendor', 'Vendors'], ['usage', 'Usage snapshots'], ['org', 'Org settings'], ['file', 'Unreadable files'],
] as const;

/** The audit trail: every change event, newest first, by kind of change, 50 to a page. */
export function auditPages(ctx: Ctx): Page[] {
  const { m } = ctx;
  const present = CATEGORIES.filter(([c]) => c === 'all' || m.events.some((e) => e.type.startsWith(`${c}.`)));
  const filters: Cell[] = present.map(([c, label]) => ({ text: `${label} (${count(m.events, c)})`, href: routes.audit(c, 1) }));
  const pages: Page[] = [];
  for (const [category, label] of present) {
    const events = category === 'all' ? m.events : m.events.filter((e) => e.type.startsWith(`${category}.`));
    const n = Math.max(1, Math.ceil(events.length / PAGE_SIZE));
    const pager: Cell[] = Array.from({ length: n }, (_, i) => ({ text: String(i + 1), href: routes.audit(category, i + 1) }));
    for (let i = 0; i < n; i++) {
      const slice = events.slice(i * PAGE_SIZE, (i + 1) * PAGE_SIZE);
      const title = `Audit trail: ${label.toLowerCase()}${n > 1 ? `, page ${i + 1} of ${n}` : ''}`;
      pages.push({
        route: routes.audit(category, i + 1), title, nav: 'audit',
        crumbs: [{ text: 'Overview', href: routes.overview }, { text: 'Audit trail', href: routes.audit() }],
        sections: [
          { type: 'links', title: 'Show', links: filters },
          { type: 'text', text: `${events.length} change events from the git history, newest first; each links to its commit and the pull request it came in by.` },
          { type: 'pager', label: 'Pages', current: i + 1, pages: pager },
          ctx.table(eventsTable(ctx, `audit-${category}-${i + 1}`, `${label}${n > 1 ? ` ${i * PAGE_SIZE + 1}–${i * PAGE_SIZE + slice.length}` : ''}`, slice)),
          { type: 'pager', label: 'Pages (bottom)', current: i + 1, pages: pager },
        ],
      });
    }
  }
  return pages.concat(ctx.links.local ? commitPages(ctx) : []);
}

const count = (events: HistoryEvent[], c: string) => (c === 'all' ? events.length : events.filter((e) => e.type.startsWith(`${c}.`)).length);

/** A page per commit, when the repository has no web address to link commits to. */
function commitPages(ctx: Ctx): Page[] {
  const by = new Map<string, HistoryEvent[]>();
  for (const e of ctx.m.events) by.set(e.commit, [...(by.get(e.commit) ?? []), e]);
  return [...by].map(([sha, events]): Page => {
    const e = events[0]!;
    return {
      route: routes.commit(sha), title: `Commit ${sha.slice(0, 12)}`, nav: 'audit',
      crumbs: [{ text: 'Overview', href: routes.overview }, { text: 'Audit trail', href: routes.audit() }],
      sections: [
        { type: 'facts', items: [
          { label: 'Commit', value: sha }, { label: 'Date', value: e.date }, { label: 'Author', value: `${e.author} <${e.email}>` },
          { label: 'Pull request', value: e.pr === null ? 'none' : link(`#${e.pr}`, ctx.links.pull(e.pr)) }, { label: 'Signed', value: e.signed ? 'yes' : 'no' },
        ] },
        ctx.table(eventsTable(ctx, `commit-${sha.slice(0, 12)}`, 'Changes in this commit', events)),
      ],
    };
  });
}
