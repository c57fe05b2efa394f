import { routes } from '../routes.ts';
import { barChart } from '../svg/bars.ts';
import type { ChargeRow } from '../model/types.ts';
import type { Page, Table } from '../types.ts';
import { amount, money, shortUnknown, withUnknownColumn, type Ctx } from './context.ts';
import { spendLinks } from './spend.ts';

/** Chargeback (`lac report`): what each department and cost centre pays for the seats its people hold. */
export function departmentsPage(ctx: Ctx): Page {
  const { m } = ctx;
  const cur = m.org.currency;
  const { departments, costCentres } = m.chargeback;
  return {
    route: routes.departments, title: 'Chargeback by department and cost centre', nav: 'departments', crumbs: [{ text: 'Overview', href: routes.overview }],
    sections: [
      { type: 'text', text: 'Each tier\'s annual cost is split over its seats, the ones nobody holds included; each seat is charged to its holder\'s department and cost centre (the person\'s own, else the department\'s). Waste is the share of spare and idle seats.' },
      { type: 'text', text: `How the amounts add up: ${m.chargeback.method}` },
      { type: 'links', title: 'Spend by fiscal year (what each department paid in that year)', links: spendLinks(ctx) },
      { type: 'chart', title: 'Annual cost by cost centre', svg: barChart('Annual cost by cost centre', costCentres.map((r) => ({ label: r.name, value: Number(r.annualCost), text: shortUnknown(money(r.annualCost, cur), r.costUnknown) }))), table: 'chargeback-cost-centres' },
      ctx.table(chargeTable(ctx, 'chargeback-cost-centres', 'Cost centres', 'Cost centre', costCentres)),
      ctx.table(chargeTable(ctx, 'chargeback-departments', 'Departments', 'Department', departments)),
      ctx.table(withUnknownColumn({
        id: 'chargeback-by-license', title: 'Departments by license',
        columns: [{ label: 'Department', kind: 'ref' }, { label: 'License' }, { label: ctx.money('Annual cost'), numeric: true }],
        rows: departments.flatMap((r) => Object.entries(r.licenses).map(([l, cost]) => [{ text: r.name, id: r.key }, ctx.license(l), amount(cost, r.licensesUnknown[l] ?? null)])),
        empty: 'Nothing to charge.',
      }, departments.flatMap((r) => Object.keys(r.licenses).map((l) => r.licensesUnknown[l])))),
      ctx.table(withUnknownColumn({
        id: 'chargeback-by-cost-centre', title: 'Departments by cost centre',
        columns: [{ label: 'Department', kind: 'ref' }, { label: 'Cost centre' }, { label: ctx.money('Annual cost'), numeric: true }],
        rows: departments.flatMap((r) => Object.entries(r.across).map(([cc, cost]) => [{ text: r.name, id: r.key }, cc, amount(cost, r.acrossUnknown[cc] ?? null)])),
        empty: 'Nothing to charge.',
      }, departments.flatMap((r) => Object.keys(r.across).map((cc) => r.acrossUnknown[cc])))),
    ],
  };
}

function chargeTable(ctx: Ctx, id: string, title: string, what: string, rows: ChargeRow[]): Table {
  return withUnknownColumn({
    id, title,
    columns: [{ label: what }, { label: 'Key' }, { label: 'Seats', numeric: true }, { label: ctx.money('Annual cost'), numeric: true }, { label: ctx.money('Waste'), numeric: true }],
    rows: rows.map((r) => [r.name, r.key, String(r.seats), amount(r.annualCost, r.costUnknown), amount(r.waste, r.costUnknown)]),
    empty: 'Nothing to charge.',
  }, rows.map((r) => r.costUnknown));
}
