import { mdText } from '../../util/escape/markdown.ts';
import { toCsv } from '../csv.ts';
import { mdTable, textTable } from '../table.ts';
import type { ForecastView } from './view.ts';
import { FORECAST_FORMATS, type ForecastFormat } from '../formats.ts';
export { FORECAST_FORMATS, type ForecastFormat };

const pct = (n: number | null) => (n === null ? '—' : `${n.toFixed(2)}%`);
const last = <T>(xs: readonly T[]) => xs[xs.length - 1];

/** The tables every human-readable format shows, as header and rows. */
function tables(v: ForecastView): Array<{ title: string; header: string[]; rows: string[][]; note?: string }> {
  const lastMonth = last(v.spend.months)?.month ?? '';
  const out = [
    { title: `Spend per month (${v.currency})${v.license ? ` of ${v.license}` : ''}`, header: ['month', 'spend', 'of it renewals'], rows: [...v.spend.months.map((m) => [m.month, m.unknown ? `${m.total} + unknown` : m.total, m.renewed]), ['total', v.spend.total, '']], note: v.spend.months.filter((m) => m.unknown).map((m) => `${m.month}: unknown part: ${m.unknown}`).join('\n') },
    { title: 'Renewals assumed', header: ['contract', 'renewal', 'from', 'to', 'escalated', 'license', 'tier', 'quantity', 'unit price'], rows: v.spend.renewals.flatMap((r) => r.lines.map((l) => [r.contract, String(r.renewal), r.start, r.end, r.escalations ? `${r.escalations}×` : '—', l.license, l.tier, String(l.quantity), l.unitPrice])) },
    { title: 'Seat demand per license (seats in use, least-squares trend)', header: ['license', 'snapshots', 'last', 'in use', 'per month', `trend ${lastMonth}`], rows: v.demand.map((d) => [d.license, String(d.history.length), last(d.history)?.date ?? '', String(last(d.history)?.value ?? ''), d.slopePerMonth.toFixed(2), String(last(d.projection)?.seats ?? '')]) },
    { title: 'Headcount per department (people present at month ends)', header: ['department', 'month ends', 'last', 'per month', `trend ${lastMonth}`, `known ${lastMonth}`], rows: v.headcount.map((h) => [h.department, String(h.history.length), String(last(h.history)?.value ?? '—'), h.slopePerMonth.toFixed(2), String(last(h.projection)?.trend ?? ''), String(last(h.projection)?.known ?? '')]) },
  ];
  const b = v.backtest;
  if (b && !('unavailable' in b)) {
    out.push({ title: `Back-test: the forecast made on ${b.asOf} against what happened (${v.currency})`, header: ['month', 'forecast', 'actual', 'error', 'error %'], rows: [...b.months.map((m) => [m.month, m.forecast, m.actual, m.error, pct(m.errorPercent)]), ['total', b.forecast, b.actual, b.error, pct(b.errorPercent)]], note: `MAPE (mean absolute percentage error): ${pct(b.mape)}` });
  }
  return out;
}

const backtestLine = (v: ForecastView) => (v.backtest && 'unavailable' in v.backtest ? `Back-test: not possible: ${v.backtest.unavailable}.` : '');

const methodLines = (v: ForecastView) => [['Spend', v.method.spend], ['Accrual', v.method.accrual], ['Seat demand', v.method.demand], ['Headcount', v.method.headcount], ...(v.backtest ? [['Back-test', v.method.backtest]] : [])];

/** Every series as one long CSV: series, key, month (YYYY-MM), date (YYYY-MM-DD), value (a plain number). */
export function forecastCsv(v: ForecastView): string {
  const rows: Array<Array<string | number>> = [];
  for (const m of v.spend.months) {
    rows.push(['spend', 'total', m.month, m.to, m.total], ['spend-renewals', 'total', m.month, m.to, m.renewed]);
    for (const [k, x] of Object.entries(m.licenses)) rows.push(['spend-license', k, m.month, m.to, x]);
    for (const [k, x] of Object.entries(m.departments)) rows.push(['spend-department', k, m.month, m.to, x]);
    for (const [k, x] of Object.entries(m.contracts)) rows.push(['spend-contract', k, m.month, m.to, x]);
  }
  for (const d of v.demand) {
    for (const p of d.history) rows.push(['seats-in-use', d.license, p.date.slice(0, 7), p.date, p.value]);
    for (const p of d.projection) rows.push(['seats-trend', d.license, p.month, p.date, p.seats]);
  }
  for (const h of v.headcount) {
    for (const p of h.history) rows.push(['headcount', h.department, p.date.slice(0, 7), p.date, p.value]);
    for (const p of h.projection) rows.push(['headcount-trend', h.department, p.month, p.date, p.trend], ['headcount-known', h.department, p.month, p.date, p.known]);
  }
  const b = v.backtest;
  if (b && !('unavailable' in b)) {
    for (const m of b.months) rows.push(['backtest-forecast', v.license ?? 'total', m.month, '', m.forecast], ['backtest-actual', v.license ?? 'total', m.month, '', m.actual], ['backtest-error', v.license ?? 'total', m.month, '', m.error]);
  }
  return toCsv(['series', 'key', 'month', 'date', 'value'], rows.map((r) => r.map(String)));
}

/** The forecast in one of FORECAST_FORMATS. */
export function formatForecast(v: ForecastView, format: ForecastFormat): string {
  if (format === 'json') return `${JSON.stringify(v, null, 2)}\n`;
  if (format === 'csv') return forecastCsv(v);
  const head = `Forecast made on ${v.today} for ${v.spend.months[0]?.month ?? '—'} to ${last(v.spend.months)?.month ?? '—'}`;
  const bt = backtestLine(v);
  if (format === 'md') {
    return [`# ${mdText(head)}\n`, ...tables(v).map((t) => `\n## ${mdText(t.title)}\n\n${mdTable(t.header, t.rows)}${t.note ? `\n${mdText(t.note)}\n` : ''}`), bt ? `\n${mdText(bt)}\n` : '', '\n## Method\n\n', ...methodLines(v).map(([k, x]) => `- **${k}**: ${mdText(x!)}\n`)].join('');
  }
  return [`${head}\n`, ...tables(v).map((t) => `\n${t.title}\n${t.rows.length ? textTable(t.header, t.rows) : '  none\n'}${t.note ? `${t.note.split('\n').map((l) => `  ${l}\n`).join('')}` : ''}`), bt ? `\n${bt}\n` : '', '\nMethod\n', ...methodLines(v).map(([k, x]) => `  ${k}: ${x}\n`)].join('');
}
