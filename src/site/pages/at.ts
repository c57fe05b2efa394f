import { routes } from '../routes.ts';
import type { Page } from '../types.ts';
import { type Ctx } from './context.ts';
import { licenseTable } from './licenses.ts';

/** Point-in-time views: the inventory as of each month end of the last year and each fiscal year end. */
export function atPages(ctx: Ctx): Page[] {
  const { m } = ctx;
  const index: Page = {
    route: routes.pointsInTime, title: 'Point in time', nav: 'at', crumbs: [{ text: 'Overview', href: routes.overview }],
    sections: [
      { type: 'text', text: `What the organization held at the end of each month of the last year and at each fiscal year end (the fiscal year starts on ${m.org.fiscalYearStart}), read from the last commit made by the end of that day (${m.org.timezone}).` },
      ctx.table({
        id: 'points-in-time', title: 'Dates',
        columns: [{ label: 'Date' }, { label: 'Kind' }, { label: 'Commit' }, { label: 'Licenses', numeric: true }, { label: 'Seats assigned', numeric: true }, { label: ctx.money('Annual spend'), numeric: true }],
        rows: [...m.snapshots].reverse().map((s) => [
          { text: s.date, href: routes.at(s.date) }, s.kind, { text: s.commit.slice(0, 12), href: ctx.links.commit(s.commit), id: s.commit },
          String(s.licenses.length), String(s.seatCount), s.annualCost,
        ]),
        empty: m.provenance.commit ? 'The git history does not reach back to a month end yet.' : 'Not a git repository: there is no history to read.',
      }),
    ],
  };
  const pages = m.snapshots.map((s): Page => ({
    route: routes.at(s.date), title: `The inventory on ${s.date}`, nav: 'at',
    crumbs: [{ text: 'Overview', href: routes.overview }, { text: 'Point in time', href: routes.pointsInTime }],
    sections: [
      { type: 'facts', items: [
        { label: 'As of', value: `${s.date} (end of day, ${m.org.timezone})` }, { label: 'Kind', value: s.kind === 'month-end' ? 'month end' : 'fiscal year end' },
        { label: 'Commit', value: { text: s.commit, href: ctx.links.commit(s.commit) } }, { label: 'Committed', value: s.commitDate },
        { label: `Annual spend (${m.org.currency})`, value: s.annualCost }, { label: 'Seats held', value: String(s.seatCount) },
      ] },
      ctx.table(licenseTable(ctx, `at-${s.date}-licenses`, 'Licenses', s.licenses)),
      ctx.table({
        id: `at-${s.date}-contracts`, title: 'Contracts in force',
        columns: [{ label: 'Contract' }], rows: s.contracts.map((c) => [ctx.contract(c)]), empty: 'No contract in force.',
      }),
      ctx.table({
        id: `at-${s.date}-seats`, title: 'Seats held',
        columns: [{ label: 'License' }, { label: 'Tier' }, { label: 'Holder' }, { label: 'Since', kind: 'date' }],
        rows: s.seats.map((x) => [ctx.license(x.license), x.tier, x.person ? ctx.person(x.person) : x.device ? { text: x.device, id: x.device } : '', x.since]),
        empty: s.seatCount ? `${s.seatCount} seats: too many to list here; "lac report --at ${s.date}" reads them from git.` : 'No seats held.',
      }),
    ],
  }));
  return [index, ...pages];
}
