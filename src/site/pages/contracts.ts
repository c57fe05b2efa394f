import { routes } from '../routes.ts';
import { timeline } from '../svg/timeline.ts';
import type { Page } from '../types.ts';
import { amount, amountText, eventsTable, groupBy, upcoming, withUnknownColumn, type Ctx } from './context.ts';
import { findingsTable } from './licenses.ts';

export function contractsPage(ctx: Ctx): Page {
  const { m } = ctx;
  return {
    route: routes.contracts, title: 'Contracts', nav: 'contracts', crumbs: [{ text: 'Overview', href: routes.overview }],
    sections: [ctx.table(withUnknownColumn({
      id: 'contracts', title: 'Contracts',
      columns: [{ label: 'Contract' }, { label: 'Vendor' }, { label: 'Term' }, { label: 'Renewal' }, { label: 'Start', kind: 'date' }, { label: 'End', kind: 'date' }, { label: 'Auto-renew', kind: 'yesno' }, { label: 'Notice' }, { label: 'Cancel by', kind: 'date' }, { label: 'Decision' }, { label: 'PO' }, { label: ctx.money('Annual cost'), numeric: true }],
      rows: m.contracts.map((c) => [ctx.contract(c.id), ctx.vendor(c.vendor), c.state, c.status, c.start, c.end ?? '', c.autoRenew ? 'yes' : 'no', c.notice ?? '', c.cancelBy ?? '', c.decision, c.po ?? '', amount(c.annualCost, c.costUnknown)]),
      empty: 'No contracts.',
    }, m.contracts.map((c) => c.costUnknown)))],
  };
}

export function contractPages(ctx: Ctx): Page[] {
  const { m } = ctx;
  // Grouped once: a million changes are not scanned again for each of a thousand contracts.
  const eventsBy = groupBy(m.events, (e) => e.contract);
  const findingsBy = groupBy(m.findings, (f) => f.file);
  return m.contracts.map((c): Page => ({
    route: routes.contract(c.id), title: c.title ?? c.id, nav: 'contracts',
    crumbs: [{ text: 'Overview', href: routes.overview }, { text: 'Contracts', href: routes.contracts }],
    sections: [
      { type: 'facts', items: [
        { label: 'ID', value: c.id, key: true }, { label: 'Vendor', value: ctx.vendor(c.vendor) }, { label: 'Owner', value: ctx.person(c.owner) || 'none' },
        { label: 'Term', value: c.state }, { label: 'Renewal', value: c.status }, { label: 'Written term', value: `${c.start} – ${c.end ?? 'perpetual'}` },
        { label: 'Term in force', value: c.termStart ? `${c.termStart} – ${c.termEnd}` : '—' },
        { label: 'Auto-renew', value: c.autoRenew ? 'yes' : 'no' }, { label: 'Notice', value: c.notice ?? 'none' },
        { label: 'Decision due', value: c.decisionDue ?? '—' }, { label: 'Cancel by', value: c.cancelBy ?? '—' }, { label: 'Renews on', value: c.renewal ?? '—' }, { label: 'Decision', value: c.decision },
        { label: `Annual cost (${m.org.currency})`, value: amountText(c.annualCost, c.costUnknown) }, { label: `Recommended for the next term (${m.org.currency})`, value: c.costUnknown ? amountText('', c.costUnknown) : (c.recommendedCost ?? '—') },
        { label: 'Billing', value: c.billing ?? '—' }, { label: 'PO number', value: c.po ?? '—', key: true }, { label: 'Order number', value: c.order ?? '—', key: true },
        { label: 'Signed', value: c.signed ?? '—' }, { label: 'Signed by', value: ctx.person(c.signedBy) || '—' }, { label: 'Currency', value: c.currency },
        { label: 'Replaces', value: ctx.contract(c.previous) || '—' }, { label: 'Replaced by', value: ctx.contract(c.successor) || '—' },
        { label: 'Documents', value: c.documents.length ? c.documents.map((d) => ({ text: d.title, href: d.url })) : 'none' },
        { label: 'Defined in', value: { text: c.file, href: ctx.links.blob(c.file, 1) } },
      ] },
      ...(c.notes ? [{ type: 'text' as const, title: 'Notes', text: c.notes }] : []),
      ...(c.renewalNotes ? [{ type: 'text' as const, title: 'Renewal decision notes', text: c.renewalNotes }] : []),
      ctx.table({
        id: `contract-${c.id}-lines`, title: 'Lines',
        columns: [{ label: 'License' }, { label: 'Tier' }, { label: 'Quantity', numeric: true }, { label: 'Recommended', numeric: true }, { label: `Unit price (${c.currency})`, numeric: true }, { label: 'Per' }, { label: `Annual cost (${c.currency})`, numeric: true }, { label: 'Why the recommendation' }],
        rows: c.lines.map((l) => [ctx.license(l.license), l.tier, String(l.quantity), l.recommended === null ? '' : String(l.recommended), l.unitPrice, l.period, l.annualCost, l.why]),
      }),
      ctx.table(findingsTable(ctx, `contract-${c.id}-findings`, 'Findings', findingsBy.get(c.file) ?? [])),
      ctx.table(eventsTable(ctx, `contract-${c.id}-history`, 'Change history', eventsBy.get(c.id) ?? [])),
    ],
  }));
}

export function renewalsPage(ctx: Ctx): Page {
  const { m } = ctx;
  const due = upcoming(m);
  const open = due.filter((c) => c.decision === 'undecided');
  return {
    route: routes.renewals, title: 'Renewals', nav: 'renewals', crumbs: [{ text: 'Overview', href: routes.overview }],
    sections: [
      { type: 'links', title: 'Calendar', links: [{ text: 'Cancel-by and renewal dates (iCalendar)', href: routes.download('renewals.ics') }] },
      { type: 'text', text: `Each bar is the term in force of a contract whose renewal is still to be decided (${open.length} of the ${due.length} with a cancel-by date ahead; the table lists all of them); the diamond is its cancel-by date, the dashed line today, an arrow a term that runs past the edge.` },
      { type: 'chart', title: 'Renewal timeline', svg: timeline('Undecided contract terms and cancel-by dates over the next year', open.map((c) => ({ label: c.id, start: c.termStart ?? c.start, end: c.termEnd ?? c.end ?? c.start, mark: c.cancelBy })), m.provenance.today), table: 'renewals' },
      ctx.table(withUnknownColumn({
        id: 'renewals', title: 'Upcoming cancel-by dates',
        columns: [{ label: 'Cancel by', kind: 'date' }, { label: 'Days left', numeric: true }, { label: 'Decision due', kind: 'date' }, { label: 'Contract' }, { label: 'Vendor' }, { label: 'Status' }, { label: 'Term starts', kind: 'date' }, { label: 'Term ends', kind: 'date' }, { label: 'Auto-renew', kind: 'yesno' }, { label: 'Notice' }, { label: 'Decision' }, { label: 'Owner' }, { label: ctx.money('Annual cost'), numeric: true }, { label: ctx.money('Recommended'), numeric: true }],
        rows: due.map((c) => [c.cancelBy!, String(daysFrom(m.provenance.today, c.cancelBy!)), c.decisionDue ?? '', ctx.contract(c.id), ctx.vendor(c.vendor), c.status, c.termStart ?? '', c.termEnd ?? '', c.autoRenew ? 'yes' : 'no', c.notice ?? '', c.decision, ctx.person(c.owner), amount(c.annualCost, c.costUnknown), c.costUnknown ? '' : (c.recommendedCost ?? '')]),
        empty: 'No cancel-by date ahead.',
      }, due.map((c) => c.costUnknown))),
    ],
  };
}

const daysFrom = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
