import { countBySeverity } from '../../findings/finding.ts';
import { addDays } from '../../util/dates.ts';
import { parseAmount, toDecimal } from '../../util/money.ts';
import { routes } from '../routes.ts';
import { barChart } from '../svg/bars.ts';
import { lineChart } from '../svg/lines.ts';
import type { Page } from '../types.ts';
import { money, pct, upcoming, type Ctx } from './context.ts';
import { spendLinks } from './spend.ts';

const sumOf = (xs: string[]) => xs.reduce((s, x) => s + parseAmount(x), 0n);

/** The overview: key figures, charts, what is due, what is wrong. */
export function overviewPage(ctx: Ctx): Page {
  const { m } = ctx;
  const cur = m.org.currency;
  const counted = m.licenses.filter((l) => l.entitled !== null);
  const entitled = counted.reduce((n, l) => n + l.entitled!, 0);
  const assigned = counted.reduce((n, l) => n + l.tiers.filter((t) => typeof t.entitled === 'number').reduce((a, t) => a + t.assigned, 0), 0);
  const spend = toDecimal(sumOf(m.licenses.map((l) => l.annualCost)), cur);
  const waste = toDecimal(sumOf(m.licenses.map((l) => l.waste)), cur);
  const sev = countBySeverity(m.findings);
  const due = upcoming(m);
  const soon = due.filter((c) => c.cancelBy! <= addDays(m.provenance.today, 90));
  const leavers = leaversHolding(ctx);
  const byVendor = [...m.vendors].filter((v) => parseAmount(v.annualCost) > 0n).sort((a, b) => Number(parseAmount(b.annualCost) - parseAmount(a.annualCost)));
  const util = counted.filter((l) => l.entitled! > 0).sort((a, b) => (a.assignedShare ?? 0) - (b.assignedShare ?? 0));
  const series = m.snapshots;
  const spendSeries = [...series.map((s) => ({ date: s.date, value: Number(s.annualCost) })), { date: m.provenance.today, value: Number(spend) }];
  const seatSeries = [
    { name: 'Seats bought', points: [...series.map((s) => ({ date: s.date, value: sumEntitled(s.licenses) })), { date: m.provenance.today, value: entitled }] },
    { name: 'Seats assigned', points: [...series.map((s) => ({ date: s.date, value: s.licenses.reduce((n, l) => n + l.assigned, 0) })), { date: m.provenance.today, value: m.licenses.reduce((n, l) => n + l.assigned, 0) }] },
  ];
  return {
    route: routes.overview, title: `${m.org.name}: software licenses`, nav: 'overview', crumbs: [],
    sections: [
      {
        type: 'kpis', items: [
          { label: 'Annual spend', value: money(spend, cur), note: `${m.contracts.filter((c) => ['current', 'rolled', 'perpetual'].includes(c.state) && c.status !== 'renewed').length} contracts in force`, href: routes.contracts },
          { label: 'Utilization', value: pct(entitled ? assigned / entitled : null), note: `${assigned} of ${entitled} counted seats assigned`, href: routes.licenses },
          { label: 'Waste', value: money(waste, cur), note: 'a year: spare and idle seats', href: routes.licenses },
          { label: 'Savings realised', value: money(m.savings.total, cur), note: `a year, ${m.savings.seats} seats reclaimed${m.savings.since ? ` since ${m.savings.since}` : ''}`, href: routes.audit('seat', 1) },
          { label: 'Cancel-by in 90 days', value: String(soon.length), note: soon[0] ? `next: ${soon[0].id} on ${soon[0].cancelBy}` : 'none', href: routes.renewals },
          { label: 'Open findings', value: String(m.findings.length), note: `${sev.error} errors, ${sev.warning} warnings, ${sev.notice} notices`, href: routes.compliance },
        ],
      },
      { type: 'links', title: 'Spend by fiscal year', links: spendLinks(ctx) },
      { type: 'chart', title: 'Annual spend by vendor', svg: barChart('Annual spend by vendor', byVendor.map((v) => ({ label: v.name, value: Number(v.annualCost), text: money(v.annualCost, cur) }))), table: 'vendors' },
      { type: 'chart', title: 'Seats assigned of seats bought', svg: barChart('Seats assigned of seats bought, by license', util.map((l) => ({ label: l.name, value: countedAssigned(l), behind: l.entitled!, text: `${countedAssigned(l)} / ${l.entitled} (${pct(l.assignedShare)})` }))), table: 'licenses' },
      { type: 'chart', title: 'Annual spend over time', svg: lineChart('Annual spend at each month end', [{ name: `Annual spend (${cur})`, points: spendSeries }]), table: 'points-in-time' },
      { type: 'chart', title: 'Seats over time', svg: lineChart('Seats bought and assigned at each month end', seatSeries), table: 'points-in-time' },
      ctx.table({
        id: 'upcoming-cancel-by', title: 'Upcoming cancel-by dates',
        columns: [{ label: 'Cancel by' }, { label: 'Contract' }, { label: 'Vendor' }, { label: 'Renews on' }, { label: 'Decision' }, { label: ctx.money('Annual cost'), numeric: true }],
        rows: due.slice(0, 10).map((c) => [c.cancelBy!, ctx.contract(c.id), ctx.vendor(c.vendor), c.renewal ?? '', c.decision, c.annualCost]),
        empty: 'No cancel-by date ahead.',
      }),
      ctx.table({
        id: 'leavers-holding-seats', title: 'Leavers still holding seats',
        columns: [{ label: 'Person' }, { label: 'Left on' }, { label: 'License' }, { label: 'Tier' }, { label: 'Since' }],
        rows: leavers.map((s) => [ctx.person(s.person), s.end ?? '', ctx.license(s.license), s.tier, s.since]),
        empty: 'No leaver holds a seat.',
      }),
      ctx.table({
        id: 'savings', title: `Savings realised by reclaims${m.savings.since ? ` since ${m.savings.since}` : ''}`,
        columns: [{ label: 'Date' }, { label: 'License' }, { label: 'Holder' }, { label: 'Change' }, { label: 'Commit' }, { label: ctx.money('Saving a year'), numeric: true }],
        rows: m.savings.items.map((i) => [i.date, ctx.license(i.license), ctx.person(i.holder) || i.holder, i.to ? `${i.tier} → ${i.to}` : `${i.tier} removed`, { text: i.commit.slice(0, 10), href: ctx.links.commit(i.commit) }, i.annual]),
        empty: 'No reclaim commits this fiscal year.',
      }),
    ],
  };
}

const countedAssigned = (l: { tiers: { entitled: unknown; assigned: number }[] }) => l.tiers.filter((t) => typeof t.entitled === 'number').reduce((n, t) => n + t.assigned, 0);
const sumEntitled = (ls: { entitled: number | null }[]) => ls.reduce((n, l) => n + (l.entitled ?? 0), 0);

/** Seats held by people who have left by today (status leaver, or an end date passed: the report's rule). */
export function leaversHolding(ctx: Ctx) {
  const people = new Map(ctx.m.people.map((p) => [p.id, p]));
  return ctx.m.seats.filter((s) => s.state === 'left').map((s) => ({ ...s, end: people.get(s.person ?? '')?.end ?? null }));
}
