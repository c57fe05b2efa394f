import type { Figure, LicenseReport, Report, TierReport, Totals } from '../analysis/report/index.ts';
import type { ChargeRow } from '../analysis/report/chargeback.ts';
import type { Offboarding } from '../analysis/offboarding/index.ts';
import type { SavingsRealised } from '../analysis/savings.ts';
import type { DiscoverySummary } from '../analysis/discovery/summary.ts';
import { discoveryMarkdown, discoveryText } from './discovery-format.ts';
import { mdText } from '../util/escape/markdown.ts';
import { formatMoney, toDecimal, type Micros } from '../util/money.ts';
import { toCsv } from './csv.ts';
import { OFFBOARDING_CSV_COLUMNS, offboardingCsv, offboardingMarkdown, offboardingText } from './offboarding-format.ts';
import { mdTable, textTable } from './table.ts';
import { unknownWhy, withUnknown } from './unknown.ts';
import { REPORT_FORMATS, type ReportFormat } from './formats.ts';
export { REPORT_FORMATS, type ReportFormat };

/** The report with what was saved this year (read from git history), when known. */
export interface FullReport extends Report {
  savings?: SavingsRealised;
  /** Leavers' seat removals from git history (src/analysis/offboarding). */
  offboarding?: Offboarding;
  /** Why the offboarding evidence is missing (no git history) when there are leavers. */
  offboardingNote?: string;
  /** Undeclared apps and spend outside contracts, from inventory/discovered/ (src/analysis/discovery). */
  discovery?: DiscoverySummary;
}

const DASH = '—';
const n = (v: number | 'unlimited' | null): string => (v === null ? DASH : String(v));
const pct = (v: number | null): string => (v === null ? DASH : `${v.toFixed(1)}%`);

function moneyCell(currency: string) {
  return (v: Micros | null): string => (v === null ? DASH : formatMoney(v, currency).replace(` ${currency}`, ''));
}

const TIER_HEADER = ['license', 'tier', 'entitled', 'assigned', 'active', 'inactive', 'unknown', 'cancelling', 'unassigned', 'utilization', 'annual cost', 'per active user', 'waste'];
const CHARGE_HEADER = ['key', 'name', 'seats', 'annual cost', 'waste'];

function tierCells(r: TierReport, known: (v: Micros | null) => string): string[] {
  const money = (v: Micros | null) => (r.costUnknown ? 'unknown' : known(v));
  return [r.license, r.tier, n(r.entitled.value), n(r.assigned.value), n(r.active.value), n(r.inactive.value), n(r.unknown.value), n(r.cancelling.value), n(r.unassigned.value), pct(r.utilization.value), money(r.annualCost.value), money(r.costPerActive.value), money(r.waste.value)];
}

function totalCells(label: string, t: Totals, known: (v: Micros | null) => string): string[] {
  const money = (f: Figure<Micros>) => withUnknown(known(f.value), f.unknown);
  return [label, '', t.unlimited ? `${t.entitled.value} + unlimited` : n(t.entitled.value), n(t.assigned.value), n(t.active.value), n(t.inactive.value), n(t.unknown.value), n(t.cancelling.value), n(t.unassigned.value), '', money(t.annualCost), '', money(t.waste)];
}

function rows(report: FullReport, money: (v: Micros | null) => string) {
  const tiers = report.licenses.flatMap((l: LicenseReport) => l.tiers.map((t) => tierCells(t, money)));
  const cell = (f: Figure<Micros>) => withUnknown(money(f.value), f.unknown);
  const charge = (list: ChargeRow[]) => list.map((c) => [c.key, c.name, String(c.seats.value), cell(c.annualCost), cell(c.waste)]);
  const vendors = report.vendors.map((v) => [v.vendor, cell(v.annualCost), cell(v.waste)]);
  return { tiers: [...tiers, totalCells('total', report.totals, money)], departments: charge(report.departments), costCentres: charge(report.costCentres), vendors };
}

const VENDOR_HEADER = ['vendor', 'annual cost', 'waste'];

function savingsLine(s: SavingsRealised | undefined, currency: string): string {
  if (!s) return '';
  return `Savings realised this year (since ${s.since}): ${formatMoney(s.annual.value, currency)} a year from ${s.seats.value} ${s.seats.value === 1 ? 'seat' : 'seats'} reclaimed\n`;
}

function problems(report: Report): string {
  return report.problems.map((p) => `warning: ${p.message}\n`).join('');
}

const leftOut = (report: Report) => (report.totals.costUnknown ? ', without the costs that are unknown (listed below)' : '');

/** Why a figure is unknown, per license and tier (use, or cost): an unknown figure is shown with its reason, never as 0. */
export function unknownNotes(report: Report): string[] {
  return report.licenses.flatMap((l) => l.tiers.flatMap((t) => [
    ...(t.unknownReason && t.unknown.value > 0 ? [`${l.id}/${t.tier}: ${t.unknown.value} seat${t.unknown.value === 1 ? '' : 's'} of unknown use: ${t.unknownReason}`] : []),
    ...(t.costUnknown ? [`${l.id}/${t.tier}: cost unknown: ${t.costUnknown}`] : []),
  ]));
}

export function formatText(report: FullReport): string {
  const money = moneyCell(report.currency);
  const r = rows(report, money);
  return [
    `Licenses on ${report.today}, amounts per year in ${report.currency}\n`,
    textTable(TIER_HEADER, r.tiers),
    `\nBy department\n`,
    textTable(CHARGE_HEADER, r.departments),
    `\nBy cost centre\n`,
    textTable(CHARGE_HEADER, r.costCentres),
    `\nBy vendor\n`,
    textTable(VENDOR_HEADER, r.vendors),
    `\n${report.allocation}\n`,
    `\nWaste: ${formatMoney(report.totals.waste.value, report.currency)} of ${formatMoney(report.totals.annualCost.value, report.currency)} a year${leftOut(report)}\n`,
    savingsLine(report.savings, report.currency),
    unknownNotes(report).map((u) => `unknown: ${u}\n`).join(''),
    problems(report),
    offboardingText(report.offboarding, report.offboardingNote),
    discoveryText(report.discovery),
  ].join('');
}

export function formatMarkdown(report: FullReport): string {
  const money = moneyCell(report.currency);
  const r = rows(report, money);
  return [
    `# License report, ${mdText(report.today)}\n\nAmounts per year in ${mdText(report.currency)}.\n\n`,
    mdTable(TIER_HEADER, r.tiers),
    `\n## By department\n\n`,
    mdTable(CHARGE_HEADER, r.departments),
    `\n## By cost centre\n\n`,
    mdTable(CHARGE_HEADER, r.costCentres),
    `\n## By vendor\n\n`,
    mdTable(VENDOR_HEADER, r.vendors),
    `\n${report.allocation}\n`,
    `\n**Waste:** ${formatMoney(report.totals.waste.value, report.currency)} of ${formatMoney(report.totals.annualCost.value, report.currency)} a year${leftOut(report)}.\n`,
    report.savings ? `\n**${savingsLine(report.savings, report.currency).trim()}**\n` : '',
    unknownNotes(report).length ? `\n${unknownNotes(report).map((u) => `- ${mdText(u)}\n`).join('')}` : '',
    report.problems.length ? `\n${report.problems.map((p) => `> [!WARNING]\n> ${mdText(p.message)}\n`).join('')}` : '',
    offboardingMarkdown(report.offboarding, report.offboardingNote),
    discoveryMarkdown(report.discovery),
  ].join('');
}

const FIGURE_COLUMNS = ['section', 'license', 'tier', 'group', 'name', 'entitled', 'assigned', 'active', 'inactive', 'unknown', 'cancelling', 'unassigned', 'utilization_percent', 'annual_cost', 'cost_per_active_user', 'waste', 'currency', 'cost_unknown'];
export const CSV_HEADER = [...FIGURE_COLUMNS, ...OFFBOARDING_CSV_COLUMNS];

export function formatCsv(report: FullReport): string {
  const cur = report.currency;
  const m = (v: Micros | null) => (v === null ? '' : toDecimal(v, cur));
  const v = (x: number | 'unlimited' | null) => (x === null ? '' : x);
  // The amounts stay numbers (the known part); `cost_unknown` says why part of a row's cost is unknown.
  const u = (f: Figure<Micros>) => unknownWhy(f.unknown);
  const out: Array<Array<string | number | null>> = [];
  for (const l of report.licenses) {
    for (const t of l.tiers) {
      const m = (v: Micros | null) => (v === null || t.costUnknown ? '' : toDecimal(v, cur));
      out.push(['tier', l.id, t.tier, '', t.name, v(t.entitled.value), t.assigned.value, v(t.active.value), t.inactive.value, t.unknown.value, t.cancelling.value, v(t.unassigned.value), v(t.utilization.value), m(t.annualCost.value), m(t.costPerActive.value), m(t.waste.value), cur, t.costUnknown ?? '']);
    }
  }
  for (const l of report.licenses) {
    const t = l.totals;
    out.push(['license', l.id, '', '', l.name, t.entitled.value, t.assigned.value, t.active.value, t.inactive.value, t.unknown.value, t.cancelling.value, t.unassigned.value, '', m(t.annualCost.value), '', m(t.waste.value), cur, u(t.annualCost)]);
  }
  for (const [section, list] of [['department', report.departments], ['cost-centre', report.costCentres]] as const) {
    for (const c of list) out.push([section, '', '', c.key, c.name, '', c.seats.value, '', '', '', '', '', '', m(c.annualCost.value), '', m(c.waste.value), cur, u(c.annualCost)]);
  }
  for (const d of report.departments) {
    for (const [l, f] of Object.entries(d.licenses)) out.push(['department-license', l, '', d.key, d.name, '', '', '', '', '', '', '', '', m(f.value), '', '', cur, u(f)]);
    for (const [cc, v] of Object.entries(d.across)) out.push(['department-cost-centre', '', '', d.key, cc, '', '', '', '', '', '', '', '', m(v.value), '', '', cur, u(v)]);
  }
  for (const vd of report.vendors) out.push(['vendor', '', '', vd.vendor, vd.vendor, '', '', '', '', '', '', '', '', m(vd.annualCost.value), '', m(vd.waste.value), cur, u(vd.annualCost)]);
  const t = report.totals;
  out.push(['total', '', '', '', '', t.entitled.value, t.assigned.value, t.active.value, t.inactive.value, t.unknown.value, t.cancelling.value, t.unassigned.value, '', m(t.annualCost.value), '', m(t.waste.value), cur, u(t.annualCost)]);
  if (report.savings) out.push(['savings-realised', '', '', report.savings.since, '', '', report.savings.seats.value, '', '', '', '', '', '', m(report.savings.annual.value), '', '', cur]);
  out.push(...offboardingCsv(report.offboarding, FIGURE_COLUMNS.length));
  return toCsv(CSV_HEADER, out.map((r) => (r.length < CSV_HEADER.length ? [...r, ...new Array<string>(CSV_HEADER.length - r.length).fill('')] : r)));
}

/** JSON: money as decimal strings in the org currency; every figure as `{ value, from }`. */
export function formatJson(report: FullReport): string {
  return `${JSON.stringify(report, (_k, v: unknown) => (typeof v === 'bigint' ? toDecimal(v, report.currency) : v), 2)}\n`;
}

export function formatReport(report: FullReport, format: ReportFormat): string {
  switch (format) {
    case 'json': return formatJson(report);
    case 'csv': return formatCsv(report);
    case 'md': return formatMarkdown(report);
    case 'text': return formatText(report);
  }
}
