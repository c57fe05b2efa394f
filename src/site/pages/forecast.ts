import { routes } from '../routes.ts';
import { lineChart, type Series } from '../svg/lines.ts';
import type { Page, Section } from '../types.ts';
import { money, type Ctx } from './context.ts';

/** How many licenses the seat-demand chart draws (the most seats in use last); the table lists every one. */
const TOP_LICENSES = 6;

const pct = (n: number | null) => (n === null ? '' : `${n.toFixed(2)}%`);

/** The Forecast page: `lac forecast --backtest` as charts, each with its figures as a table, the method, and the back-test. */
export function forecastPage(ctx: Ctx): Page {
  const f = ctx.m.forecast;
  const cur = f.currency;
  const months = f.spend.months;
  const span = months.length ? `${months[0]!.month} to ${months.at(-1)!.month}` : '';
  const top = [...f.demand].sort((a, b) => (b.history.at(-1)?.value ?? 0) - (a.history.at(-1)?.value ?? 0) || (a.license < b.license ? -1 : 1)).slice(0, TOP_LICENSES);
  const trendSeries = <T>(xs: T[], name: (x: T) => string, points: (x: T) => Series['points']): Series[] => xs.map((x) => ({ name: name(x), points: points(x) }));
  const b = f.backtest;
  const sections: Section[] = [
    { type: 'facts', items: [
      { label: 'Made on', value: f.today }, { label: 'Months', value: span },
      { label: `Spend over the months (${cur})`, value: money(f.spend.total, cur) },
      { label: 'Back-test error (MAPE)', value: b && !('unavailable' in b) ? pct(b.mape) : 'not available' },
      { label: 'Same figures', value: 'lac forecast --backtest --format json' },
      { label: 'Every series as CSV', value: { text: 'forecast.csv', href: routes.download('forecast.csv') } },
    ] },
    { type: 'chart', title: 'Spend per month', table: 'forecast-spend', svg: lineChart(`Forecast spend per month (${cur})`, [
      { name: `Spend (${cur})`, points: months.map((m) => ({ date: m.to, value: Number(m.total) })) },
      { name: 'Of it renewals', points: months.map((m) => ({ date: m.to, value: Number(m.renewed) })) },
    ]) },
    ctx.table({
      id: 'forecast-spend', title: 'Spend per month',
      columns: [{ label: 'Month' }, { label: 'From' }, { label: 'To' }, { label: ctx.money('Spend'), numeric: true }, { label: ctx.money('Of it renewals'), numeric: true }, { label: 'Unknown part' }],
      rows: months.map((m) => [m.month, m.from, m.to, m.total, m.renewed, m.unknown ?? '']), empty: 'No month to forecast.',
    }),
    ctx.table({
      id: 'forecast-renewals', title: 'Renewals assumed',
      columns: [{ label: 'Contract' }, { label: 'Renewal', numeric: true }, { label: 'From' }, { label: 'To' }, { label: 'Escalations', numeric: true }, { label: 'License' }, { label: 'Tier' }, { label: 'Quantity', numeric: true }, { label: 'Unit price', numeric: true }],
      rows: f.spend.renewals.flatMap((r) => r.lines.map((l) => [ctx.contract(r.contract), String(r.renewal), r.start, r.end, String(r.escalations), ctx.license(l.license), l.tier, String(l.quantity), l.unitPrice])),
      empty: 'No contract renews within these months.',
    }),
    { type: 'chart', title: `Seat demand: the ${top.length} licenses with the most seats in use`, table: 'forecast-seat-demand', svg: lineChart('Seats in use per usage snapshot and their trend', trendSeries(top, (d) => d.name, (d) => [...d.history, ...d.projection.map((p) => ({ date: p.date, value: p.seats }))])) },
    ctx.table({
      id: 'forecast-seat-demand', title: 'Seat demand per license',
      columns: [{ label: 'License' }, { label: 'Date' }, { label: 'Figure' }, { label: 'Seats', numeric: true }, { label: 'Trend per month', numeric: true }],
      rows: f.demand.flatMap((d) => [...d.history.map((p) => [ctx.license(d.license), p.date, 'in use', String(p.value), String(d.slopePerMonth)]), ...d.projection.map((p) => [ctx.license(d.license), p.date, 'trend', String(p.seats), String(d.slopePerMonth)])]),
      empty: 'No license has a usage snapshot.',
    }),
    { type: 'chart', title: 'Headcount per department', table: 'forecast-headcount', svg: lineChart('People present at month ends and their trend, per department', trendSeries(f.headcount, (h) => h.department, (h) => [...h.history, ...h.projection.map((p) => ({ date: p.date, value: p.trend }))])) },
    ctx.table({
      id: 'forecast-headcount', title: 'Headcount per department',
      columns: [{ label: 'Department', kind: 'ref' }, { label: 'Date' }, { label: 'Figure' }, { label: 'People', numeric: true }, { label: 'Trend per month', numeric: true }],
      rows: f.headcount.flatMap((h) => [
        ...h.history.map((p) => [{ text: h.department, id: h.department }, p.date, 'present', String(p.value), String(h.slopePerMonth)]),
        ...h.projection.flatMap((p) => [[{ text: h.department, id: h.department }, p.date, 'trend', String(p.trend), String(h.slopePerMonth)], [{ text: h.department, id: h.department }, p.date, 'known', String(p.known), String(h.slopePerMonth)]]),
      ]),
      empty: 'No people.',
    }),
    ...backtestSections(ctx),
    { type: 'text', title: 'Method: spend', text: f.method.spend },
    { type: 'text', title: 'How spend accrues', text: f.method.accrual },
    { type: 'text', title: 'Method: seat demand', text: f.method.demand },
    { type: 'text', title: 'Method: headcount', text: f.method.headcount },
    { type: 'text', title: 'Method: back-test', text: f.method.backtest },
  ];
  return { route: routes.forecast, title: `Forecast for ${span}`, nav: 'forecast', crumbs: [{ text: 'Overview', href: routes.overview }], sections };
}

function backtestSections(ctx: Ctx): Section[] {
  const b = ctx.m.forecast.backtest;
  if (!b) return [];
  if ('unavailable' in b) return [{ type: 'text', title: 'Back-test', text: `Not possible: ${b.unavailable}.` }];
  return [
    { type: 'chart', title: `Back-test: the forecast made on ${b.asOf} against what happened`, table: 'forecast-backtest', svg: lineChart(`Forecast made on ${b.asOf} and actual spend (${ctx.m.org.currency})`, [
      { name: 'Forecast', points: b.months.map((m) => ({ date: `${m.month}-01`, value: Number(m.forecast) })) },
      { name: 'Actual', points: b.months.map((m) => ({ date: `${m.month}-01`, value: Number(m.actual) })) },
    ]) },
    ctx.table({
      id: 'forecast-backtest', title: `Back-test: forecast made on ${b.asOf}; MAPE ${pct(b.mape)}, total error ${b.error} (${pct(b.errorPercent)})`,
      columns: [{ label: 'Month' }, { label: ctx.money('Forecast'), numeric: true }, { label: ctx.money('Actual'), numeric: true }, { label: ctx.money('Error'), numeric: true }, { label: 'Error %', numeric: true }],
      rows: [...b.months.map((m) => [m.month, m.forecast, m.actual, m.error, pct(m.errorPercent)]), ['Total', b.forecast, b.actual, b.error, pct(b.errorPercent)]],
    }),
  ];
}
