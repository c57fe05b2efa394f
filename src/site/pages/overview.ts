import { countBySeverity } from '../../findings/finding.ts';
import { addDays } from '../../util/dates.ts';
import { parseAmount, toDecimal } from '../../util/money.ts';
import { routes } from '../routes.ts';
import { barChart } from '../svg/bars.ts';
import { lineChart } from '../svg/lines.ts';
import type { Page } from '../types.ts';
import { amount, leaverText, money, pct, shortUnknown, upcoming, withUnknownColumn, type Ctx } from './context.ts';
import { spendLinks } from './spend.ts';

const sumOf = (xs: string[]) => xs.reduce((s, x) => s + parseAmount(x), 0n);

/** The overview: key figures, charts, what is due, what is wrong. */
export function overviewPage(ctx: Ctx): Page {
  const { m } = ctx;
  const cur = m.org.currency;
  const counted = m.licenses.filter((l) => l.entitled !== null);
  const entitled = counted.reduce((n, l) => n + l.entitled!, 0);
  const assigned = counted.reduce((n, l) => n + l.countedAssigned, 0);
  const spend = toDecimal(sumOf(m.licenses.map((l) => l.annualCost)), cur);
  const waste = toDecimal(sumOf(m.licenses.map((l) => l.waste)), cur);
  const sev = countBySeverity(m.findings);
  const due = upcoming(m);
  const soon = due.filter((c) => c.cancelBy! <= addDays(m.provenance.today, 90));
  const leavers = leaversHolding(ctx);
  const byVendor = [...m.vendors].filter((v) => parseAmount(v.annualCost) > 0n).sort((a, b) => Number(parseAmount(b.annualCost) - parseAmount(a.annualCost)));
  // One bar per tier with a number of seats bought: summing tiers would hide an over-assigned one (issue 11).
  const util = counted.flatMap((l) => l.tiers.flatMap((t) => (typeof t.entitled === 'number' && t.entitled > 0 ? [{ label: l.tiers.length > 1 ? `${l.name} · ${t.id}` : l.name, assigned: t.assigned, bought: t.entitled }] : [])))
    .sort((a, b) => a.assigned / a.bought - b.assigned / b.bought || (a.label < b.label ? -1 : 1));
  const series = m.snapshots;
  const spendSeries = [...series.map((s) => ({ date: s.date, value: Number(s.annualCost) })), { date: m.provenance.today, value: Number(spend) }];
  const spendCells = [...series.map((s) => s.annualCost), spend];
  const seatSeries = [
    // Both sides count the tiers with a number of seats bought: unlimited tiers are in neither.
    { name: 'Seats bought (counted tiers)', points: [...series.map((s) => ({ date: s.date, value: sumEntitled(s.licenses) })), { date: m.provenance.today, value: entitled }] },
    { name: 'Seats assigned (counted tiers)', points: [...series.map((s) => ({ date: s.date, value: s.licenses.reduce((n, l) => n + l.countedAssigned, 0) })), { date: m.provenance.today, value: assigned }] },
  ];
  return {
    route: routes.overview, title: `${m.org.name}: software licenses`, nav: 'overview', crumbs: [],
    sections: [
      {
        type: 'kpis', items: [
          { label: 'Annual spend', value: money(spend, cur), note: `${costUnknown(m.licenses)}${m.contracts.filter((c) => ['current', 'rolled', 'perpetual'].includes(c.state) && c.status !== 'renewed').length} contracts in force`, href: routes.contracts },
          { label: 'Utilization', value: pct(entitled ? assigned / entitled : null), note: `${assigned} of ${entitled} counted seats assigned`, href: routes.licenses },
          { label: 'Waste', value: money(waste, cur), note: 'a year: spare and idle seats', href: routes.licenses },
          { label: 'Savings realised', value: money(m.savings.total, cur), note: `a year, ${m.savings.seats} seats reclaimed${m.savings.since ? ` since ${m.savings.since}` : ''}`, href: routes.audit('seat', 1) },
          { label: 'Cancel-by in 90 days', value: String(soon.length), note: soon[0] ? `next: ${soon[0].id} on ${soon[0].cancelBy}` : 'none', href: routes.renewals },
          { label: 'Open findings', value: String(m.findings.length), note: `${sev.error} errors, ${sev.warning} warnings, ${sev.notice} notices`, href: routes.compliance },
        ],
      },
      { type: 'links', title: 'Spend by fiscal year', links: spendLinks(ctx) },
      // Every chart's figures are on the page as a table too (screen readers, print, narrow screens: issue 15).
      { type: 'chart', title: 'Annual spend by vendor', svg: barChart('Annual spend by vendor', byVendor.map((v) => ({ label: v.name, value: Number(v.annualCost), text: shortUnknown(money(v.annualCost, cur), v.costUnknown) }))), table: 'overview-spend-by-vendor' },
      ctx.table(withUnknownColumn({
        id: 'overview-spend-by-vendor', title: 'Annual spend by vendor: the figures',
        columns: [{ label: 'Vendor' }, { label: ctx.money('Annual cost'), numeric: true }],
        rows: byVendor.map((v) => [ctx.vendor(v.id), amount(v.annualCost, v.costUnknown)]),
      }, byVendor.map((v) => v.costUnknown))),
      { type: 'chart', title: 'Seats assigned of seats bought', svg: barChart('Seats assigned of seats bought, by license and tier', util.map((t) => ({ label: t.label, value: t.assigned, behind: t.bought, text: `${t.assigned} / ${t.bought} (${pct(t.assigned / t.bought)})` }))), table: 'overview-seats-by-tier' },
      ctx.table({
        id: 'overview-seats-by-tier', title: 'Seats assigned of seats bought: the figures',
        columns: [{ label: 'License and tier' }, { label: 'Assigned', numeric: true }, { label: 'Bought', numeric: true }, { label: 'Assigned of bought', numeric: true }],
        rows: util.map((t) => [t.label, String(t.assigned), String(t.bought), pct(t.assigned / t.bought)]),
      }),
      { type: 'chart', title: 'Annual spend over time', svg: lineChart('Annual spend at each month end', [{ name: `Annual spend (${cur})`, points: spendSeries }]), table: 'overview-over-time' },
      { type: 'chart', title: 'Seats over time', svg: lineChart('Seats bought and assigned at each month end', seatSeries), table: 'overview-over-time' },
      ctx.table({
        id: 'overview-over-time', title: 'Spend and seats over time: the figures',
        columns: [{ label: 'Date' }, { label: ctx.money('Annual spend'), numeric: true }, { label: 'Seats bought (counted tiers)', numeric: true }, { label: 'Seats assigned (counted tiers)', numeric: true }],
        rows: spendSeries.map((p, i) => [p.date, spendCells[i]!, String(seatSeries[0]!.points[i]!.value), String(seatSeries[1]!.points[i]!.value)]),
      }),
      ctx.table({
        id: 'upcoming-cancel-by', title: 'Upcoming cancel-by dates',
        columns: [{ label: 'Cancel by', kind: 'date' }, { label: 'Contract' }, { label: 'Vendor' }, { label: 'Renews on', kind: 'date' }, { label: 'Decision' }, { label: ctx.money('Annual cost'), numeric: true }],
        rows: due.slice(0, 10).map((c) => [c.cancelBy!, ctx.contract(c.id), ctx.vendor(c.vendor), c.renewal ?? '', c.decision, c.annualCost]),
        empty: 'No cancel-by date ahead.',
      }),
      ctx.table({
        id: 'leavers-holding-seats', title: 'Leavers holding seats (left, or leaving)',
        columns: [{ label: 'Person' }, { label: 'Status' }, { label: 'License' }, { label: 'Tier' }, { label: 'Since', kind: 'date' }],
        rows: leavers.map((s) => [ctx.person(s.person), leaverText(s.leaver, s.end), ctx.license(s.license), s.tier, s.since]),
        empty: 'No leaver holds a seat, and nobody leaving does.',
      }),
      ctx.table({
        id: 'savings', title: `Savings realised by reclaims${m.savings.since ? ` since ${m.savings.since}` : ''}`,
        columns: [{ label: 'Date', kind: 'date' }, { label: 'License' }, { label: 'Holder' }, { label: 'Change' }, { label: 'Commit' }, { label: ctx.money('Saving a year'), numeric: true }],
        rows: m.savings.items.map((i) => [i.date, ctx.license(i.license), ctx.person(i.holder), i.to ? `${i.tier} → ${i.to}` : `${i.tier} removed`, { text: i.commit.slice(0, 10), href: ctx.links.commit(i.commit), id: i.commit }, i.annual]),
        empty: 'No reclaim commits this fiscal year.',
      }),
    ],
  };
}

/** "cost unknown for 2 licenses (no price, no exchange rate); " when some amounts could not be computed: they are left out, not counted as 0. */
const costUnknown = (ls: { costUnknown: string | null }[]) => {
  const n = ls.filter((l) => l.costUnknown !== null).length;
  return n ? `without ${n} license${n > 1 ? 's' : ''} whose cost is unknown; ` : '';
};
const sumEntitled = (ls: { entitled: number | null }[]) => ls.reduce((n, l) => n + (l.entitled ?? 0), 0);

/** Seats held by people who have left or are leaving (src/analysis/leaver.ts, as check's seat-held-by-leaver): who left first. */
export function leaversHolding(ctx: Ctx) {
  const people = new Map(ctx.m.people.map((p) => [p.id, p]));
  const rank = (s: { leaver: string | null }) => (s.leaver === 'left' ? 0 : 1);
  return ctx.m.seats.filter((s) => s.leaver !== null).map((s) => ({ ...s, end: people.get(s.person ?? '')?.end ?? null })).sort((a, b) => rank(a) - rank(b));
}
