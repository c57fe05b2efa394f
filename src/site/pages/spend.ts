import { routes } from '../routes.ts';
import type { FiscalYearSpend, PeriodRowInfo, UnknownInfo } from '../model/types.ts';
import type { Page, Table } from '../types.ts';
import { amount, amountText, money, withUnknownColumn, type Ctx } from './context.ts';

/** Links to each fiscal year's spend page, newest first (the overview and the chargeback page show them). */
export const spendLinks = (ctx: Ctx) => [...ctx.m.spend].reverse().map((y) => ({ text: `${y.label} (${y.from} to ${y.to}): ${amountText(money(y.total, ctx.m.org.currency), y.totalUnknown)}`, href: routes.spendYear(y.year) }));

/** Spend per fiscal year (`lac report --period YEAR`): by contract line, license, vendor, department and cost centre, and a page per month. */
export function spendPages(ctx: Ctx): Page[] {
  const crumbs = [{ text: 'Overview', href: routes.overview }, { text: 'Chargeback', href: routes.departments }];
  const years = ctx.m.spend.map((y): Page => ({
    route: routes.spendYear(y.year), title: `Spend in fiscal year ${y.year}`, nav: 'departments', crumbs,
    sections: [
      { type: 'facts', items: [
        { label: 'Period', value: `${y.from} to ${y.to}` }, { label: `Spend (${ctx.m.org.currency})`, value: amountText(y.total, y.totalUnknown) },
        { label: 'Seat holders', value: y.basis === 'history' ? 'on each day, from git history' : 'today\'s assignments from their since dates (no git history)' },
        { label: 'Same figures', value: `lac report --period ${y.year}` },
      ] },
      ...y.problems.map((p) => ({ type: 'text' as const, title: 'Warning', text: p })),
      { type: 'links', title: 'Other fiscal years', links: spendLinks(ctx).filter((l) => l.href !== routes.spendYear(y.year)) },
      ctx.table(withUnknownColumn({
        id: `spend-${y.year}-months`, title: 'By month',
        columns: [{ label: 'Month' }, { label: 'From' }, { label: 'To' }, { label: ctx.money('Spend'), numeric: true }],
        rows: y.months.map((mo) => [{ text: mo.label, href: routes.spendMonth(y.year, mo.label) }, mo.from, mo.to, amount(mo.total, mo.totalUnknown)]),
        empty: 'No spend.',
      }, y.months.map((mo) => mo.totalUnknown))),
      ctx.table(rowsTable(ctx, `spend-${y.year}-departments`, 'By department', 'Department', y.departments)),
      ctx.table(rowsTable(ctx, `spend-${y.year}-cost-centres`, 'By cost centre', 'Cost centre', y.costCentres)),
      ctx.table(withUnknownColumn({
        id: `spend-${y.year}-by-license`, title: 'Departments by license',
        columns: [{ label: 'Department', kind: 'ref' }, { label: 'License' }, { label: ctx.money('Spend'), numeric: true }],
        rows: y.departments.flatMap((r) => Object.entries(r.licenses).map(([l, v]) => [{ text: r.name, id: r.key }, ctx.license(l), amount(v, r.licensesUnknown[l] ?? null)])),
        empty: 'No spend.',
      }, y.departments.flatMap((r) => Object.keys(r.licenses).map((l) => r.licensesUnknown[l])))),
      ctx.table(withUnknownColumn({
        id: `spend-${y.year}-licenses`, title: 'By license',
        columns: [{ label: 'License' }, { label: ctx.money('Spend'), numeric: true }],
        rows: y.licenses.map((l) => [ctx.license(l.id), amount(l.amount, l.unknown)]), empty: 'No spend.',
      }, y.licenses.map((l) => l.unknown))),
      ctx.table(withUnknownColumn({
        id: `spend-${y.year}-vendors`, title: 'By vendor',
        columns: [{ label: 'Vendor' }, { label: ctx.money('Spend'), numeric: true }],
        rows: y.vendors.map((v) => [ctx.vendor(v.id), amount(v.amount, v.unknown)]), empty: 'No spend.',
      }, y.vendors.map((v) => v.unknown))),
      ctx.table(withUnknownColumn({
        id: `spend-${y.year}-lines`, title: 'By contract line',
        columns: [{ label: 'Contract' }, { label: 'Line', numeric: true }, { label: 'License' }, { label: 'Tier' }, { label: ctx.money('Spend'), numeric: true }],
        rows: y.lines.map((l) => [ctx.contract(l.contract), String(l.line), ctx.license(l.license), l.tier, amount(l.amount, l.unknown)]), empty: 'No contract in force.',
      }, y.lines.map((l) => l.unknown))),
      { type: 'text', title: 'How spend accrues', text: y.accrual },
      { type: 'text', title: 'How the amounts add up', text: y.allocation },
    ],
  }));
  return [...years, ...ctx.m.spend.flatMap((y) => monthPages(ctx, y))];
}

/** A month of a fiscal year: its spend by department and cost centre (the same analysis, shares of that month). */
function monthPages(ctx: Ctx, y: FiscalYearSpend): Page[] {
  const name = new Map([...y.departments, ...y.costCentres].map((r) => [r.key, r.name]));
  const table = (id: string, title: string, what: string, amounts: Record<string, string>, unknown: Record<string, UnknownInfo>): Table => withUnknownColumn({
    id, title, columns: [{ label: what }, { label: 'Key' }, { label: ctx.money('Spend'), numeric: true }],
    rows: Object.entries(amounts).map(([k, v]) => [name.get(k) ?? k, k, amount(v, unknown[k] ?? null)]), empty: 'No spend.',
  }, Object.keys(amounts).map((k) => unknown[k]));
  return y.months.map((mo): Page => ({
    route: routes.spendMonth(y.year, mo.label), title: `Spend in ${mo.label}`, nav: 'departments',
    crumbs: [{ text: 'Overview', href: routes.overview }, { text: 'Chargeback', href: routes.departments }, { text: `Fiscal year ${y.year}`, href: routes.spendYear(y.year) }],
    sections: [
      { type: 'facts', items: [{ label: 'Period', value: `${mo.from} to ${mo.to}` }, { label: `Spend (${ctx.m.org.currency})`, value: amountText(mo.total, mo.totalUnknown) }, { label: 'Same figures', value: `lac report --from ${mo.from} --to ${mo.to}` }] },
      ctx.table(table(`spend-${mo.label}-departments`, 'By department', 'Department', mo.departments, mo.departmentsUnknown)),
      ctx.table(table(`spend-${mo.label}-cost-centres`, 'By cost centre', 'Cost centre', mo.costCentres, mo.costCentresUnknown)),
      { type: 'text', title: 'How the amounts add up', text: y.allocation },
    ],
  }));
}

function rowsTable(ctx: Ctx, id: string, title: string, what: string, rows: PeriodRowInfo[]): Table {
  return withUnknownColumn({
    id, title,
    columns: [{ label: what }, { label: 'Key' }, { label: 'Seat-days', numeric: true }, { label: ctx.money('Spend'), numeric: true }],
    rows: rows.map((r) => [r.name, r.key, String(r.seatDays), amount(r.amount, r.unknown)]),
    empty: 'No spend.',
  }, rows.map((r) => r.unknown));
}

