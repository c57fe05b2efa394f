import { parseAmount, toDecimal } from '../../util/money.ts';
import { routes } from '../routes.ts';
import { barChart } from '../svg/bars.ts';
import type { Page } from '../types.ts';
import { money, type Ctx } from './context.ts';

/** Chargeback: what each cost centre and department pays for the seats its people hold. */
export function departmentsPage(ctx: Ctx): Page {
  const { m } = ctx;
  const cur = m.org.currency;
  const total = (rows: typeof m.chargeback) => toDecimal(rows.reduce((s, r) => s + parseAmount(r.annualCost), 0n), cur);
  const group = (key: (r: (typeof m.chargeback)[number]) => string) => {
    const out = new Map<string, typeof m.chargeback>();
    for (const r of m.chargeback) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
    return [...out].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  };
  const byCc = group((r) => r.costCentre);
  const deptName = new Map(m.departments.map((d) => [d.id, d.name]));
  const byDept = group((r) => r.department ?? '');
  return {
    route: routes.departments, title: 'Chargeback by cost centre and department', nav: 'departments', crumbs: [{ text: 'Overview', href: routes.overview }],
    sections: [
      { type: 'text', text: 'Each tier\'s annual cost is charged to the cost centres of the people holding its seats, at the contract price per seat; seats nobody holds, device seats and terms without a per-seat price stay unallocated. The rows add up to the annual spend exactly.' },
      { type: 'chart', title: 'Annual cost by cost centre', svg: barChart('Annual cost by cost centre', byCc.map(([cc, rows]) => ({ label: cc, value: Number(total(rows)), text: money(total(rows), cur) }))), table: 'chargeback-cost-centres' },
      ctx.table({
        id: 'chargeback-cost-centres', title: 'Cost centres',
        columns: [{ label: 'Cost centre' }, { label: 'Seats', numeric: true }, { label: ctx.money('Annual cost'), numeric: true }],
        rows: byCc.map(([cc, rows]) => [cc, String(rows.reduce((n, r) => n + r.seats, 0)), total(rows)]),
        empty: 'Nothing to charge.',
      }),
      ctx.table({
        id: 'chargeback-departments', title: 'Departments',
        columns: [{ label: 'Department' }, { label: 'Seats', numeric: true }, { label: ctx.money('Annual cost'), numeric: true }],
        rows: byDept.map(([d, rows]) => [d ? deptName.get(d) ?? d : '(none)', String(rows.reduce((n, r) => n + r.seats, 0)), total(rows)]),
        empty: 'Nothing to charge.',
      }),
      ctx.table({
        id: 'chargeback', title: 'By cost centre, license and tier',
        columns: [{ label: 'Cost centre' }, { label: 'Department' }, { label: 'License' }, { label: 'Tier' }, { label: 'Seats', numeric: true }, { label: ctx.money('Annual cost'), numeric: true }],
        rows: m.chargeback.map((r) => [r.costCentre, r.department ? deptName.get(r.department) ?? r.department : '', ctx.license(r.license), r.tier, String(r.seats), r.annualCost]),
        empty: 'Nothing to charge.',
      }),
    ],
  };
}
