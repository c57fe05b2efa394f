import type { Amount, PeriodRow, PeriodSpend } from '../analysis/period/index.ts';
import { formatMoney, toDecimal, type Micros } from '../util/money.ts';
import { toCsv } from './csv.ts';
import type { ReportFormat } from './format.ts';
import { mdTable, textTable } from './table.ts';
import { unknownWhy, withUnknown } from './unknown.ts';

const LINE_HEADER = ['contract', 'line', 'vendor', 'license', 'tier', 'spend'];
const ROW_HEADER = ['key', 'name', 'seat-days', 'spend'];

function tables(s: PeriodSpend) {
  const money = (v: Micros) => formatMoney(v, s.currency).replace(` ${s.currency}`, '');
  const cell = (a: Amount) => withUnknown(money(a.amount), a.unknown);
  const charge = (rows: PeriodRow[]) => rows.map((r) => [r.key, r.name, String(r.seatDays), cell(r)]);
  return {
    lines: [...s.lines.map((l) => [l.contract, String(l.line), l.vendor, l.license, l.tier, l.unknown ? 'unknown' : money(l.amount)]), ['total', '', '', '', '', cell({ amount: s.total, unknown: s.totalUnknown })]],
    licenses: s.licenses.map((l) => [l.id, cell(l)]),
    vendors: s.vendors.map((v) => [v.vendor, cell(v)]),
    departments: charge(s.departments),
    costCentres: charge(s.costCentres),
  };
}

const heading = (s: PeriodSpend) => `Spend ${s.period.label} (${s.period.from} to ${s.period.to}) in ${s.currency}`;
const basis = (s: PeriodSpend) => (s.holdings === 'history' ? 'Seat holders on each day from git history.' : 'Seat holders from today\'s assignments and their `since` dates (no git history).');

/** `lac report --period`: the spend of a period by contract line, license, vendor, department and cost centre. */
export function formatPeriod(s: PeriodSpend, format: ReportFormat): string {
  if (format === 'json') return `${JSON.stringify(s, (_k, v: unknown) => (typeof v === 'bigint' ? toDecimal(v, s.currency) : v), 2)}\n`;
  if (format === 'csv') return periodCsv(s);
  const t = tables(s);
  const warn = s.problems.map((p) => (format === 'md' ? `> [!WARNING]\n> ${p.message}\n` : `warning: ${p.message}\n`)).join('');
  if (format === 'md') {
    return [`# ${heading(s)}\n\n`, mdTable(LINE_HEADER, t.lines), '\n## By license\n\n', mdTable(['license', 'spend'], t.licenses), '\n## By vendor\n\n', mdTable(['vendor', 'spend'], t.vendors),
      '\n## By department\n\n', mdTable(ROW_HEADER, t.departments), '\n## By cost centre\n\n', mdTable(ROW_HEADER, t.costCentres),
      `\n${basis(s)} ${s.accrual}\n\n${s.allocation}\n`, warn ? `\n${warn}` : ''].join('');
  }
  return [`${heading(s)}\n`, textTable(LINE_HEADER, t.lines), '\nBy license\n', textTable(['license', 'spend'], t.licenses), '\nBy vendor\n', textTable(['vendor', 'spend'], t.vendors),
    '\nBy department\n', textTable(ROW_HEADER, t.departments), '\nBy cost centre\n', textTable(ROW_HEADER, t.costCentres),
    `\n${basis(s)} ${s.accrual}\n\n${s.allocation}\n`, warn].join('');
}

export const PERIOD_CSV_HEADER = ['section', 'period_from', 'period_to', 'contract', 'line', 'vendor', 'license', 'tier', 'group', 'name', 'seat_days', 'spend', 'currency', 'cost_unknown'];

function periodCsv(s: PeriodSpend): string {
  const m = (v: Micros) => toDecimal(v, s.currency);
  const { from, to } = s.period;
  // The spend stays a number (the known part); `cost_unknown` says why part of it is unknown.
  const row = (section: string, o: { contract?: string; line?: number; vendor?: string; license?: string; tier?: string; group?: string; name?: string; seatDays?: number }, a: Amount) =>
    [section, from, to, o.contract ?? '', o.line ?? '', o.vendor ?? '', o.license ?? '', o.tier ?? '', o.group ?? '', o.name ?? '', o.seatDays ?? '', m(a.amount), s.currency, unknownWhy(a.unknown)];
  const out = [
    ...s.lines.map((l) => row('line', l, { amount: l.amount, unknown: l.unknown ? { reasons: [l.unknown], whole: true } : undefined })),
    ...s.licenses.map((l) => row('license', { license: l.id }, l)),
    ...s.vendors.map((v) => row('vendor', { vendor: v.vendor }, v)),
  ];
  for (const [section, list] of [['department', s.departments], ['cost-centre', s.costCentres]] as const) {
    for (const r of list) out.push(row(section, { group: r.key, name: r.name, seatDays: r.seatDays }, r));
  }
  for (const d of s.departments) {
    for (const [l, v] of Object.entries(d.licenses)) out.push(row('department-license', { group: d.key, name: d.name, license: l }, { amount: v, unknown: d.licensesUnknown?.[l] }));
    for (const [cc, v] of Object.entries(d.across)) out.push(row('department-cost-centre', { group: d.key, name: cc }, { amount: v, unknown: d.acrossUnknown?.[cc] }));
  }
  out.push(row('total', {}, { amount: s.total, unknown: s.totalUnknown }));
  return toCsv(PERIOD_CSV_HEADER, out);
}
