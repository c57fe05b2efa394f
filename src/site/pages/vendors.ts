import { routes } from '../routes.ts';
import type { Page } from '../types.ts';
import { amount, amountText, withUnknownColumn, type Ctx } from './context.ts';
import { licenseTable } from './licenses.ts';
import { positionSections } from './position.ts';

export function vendorsPage(ctx: Ctx): Page {
  const { m } = ctx;
  return {
    route: routes.vendors, title: 'Vendors', nav: 'vendors', crumbs: [{ text: 'Overview', href: routes.overview }],
    sections: [{ type: 'links', title: 'Audit', links: [{ text: 'Effective license position per vendor', href: routes.position }, { text: 'Software outside the inventory (undeclared apps, expensed spend)', href: routes.discovered }] }, ctx.table(withUnknownColumn({
      id: 'vendors', title: 'Vendors',
      columns: [{ label: 'Vendor' }, { label: 'Licenses', numeric: true }, { label: 'Contracts', numeric: true }, { label: 'Account' }, { label: ctx.money('Annual cost'), numeric: true }],
      rows: m.vendors.map((v) => [ctx.vendor(v.id), String(m.licenses.filter((l) => l.vendor === v.id).length), String(m.contracts.filter((c) => c.vendor === v.id).length), v.accountId ?? '', amount(v.annualCost, v.costUnknown)]),
      empty: 'No vendors.',
    }, m.vendors.map((v) => v.costUnknown)))],
  };
}

export function vendorPages(ctx: Ctx): Page[] {
  const { m } = ctx;
  return m.vendors.map((v): Page => ({
    route: routes.vendor(v.id), title: v.name, nav: 'vendors',
    crumbs: [{ text: 'Overview', href: routes.overview }, { text: 'Vendors', href: routes.vendors }],
    sections: [
      { type: 'facts', items: [
        { label: 'ID', value: v.id, key: true }, { label: 'Website', value: v.website ? { text: v.website, href: v.website } : '—' },
        { label: 'Our account', value: v.accountId ?? '—' }, { label: `Annual cost (${m.org.currency})`, value: amountText(v.annualCost, v.costUnknown) },
        { label: 'Defined in', value: { text: `inventory/vendors/${v.id}.yaml`, href: ctx.links.blob(`inventory/vendors/${v.id}.yaml`, 1) } },
      ] },
      ctx.table({
        id: `vendor-${v.id}-contacts`, title: 'Contacts',
        columns: [{ label: 'Name' }, { label: 'Role' }, { label: 'Email' }],
        rows: v.contacts.map((c) => [c.name, c.role ?? '', c.email ?? '']),
        empty: 'No contacts recorded.',
      }),
      ctx.table(licenseTable(ctx, `vendor-${v.id}-licenses`, 'Licenses', m.licenses.filter((l) => l.vendor === v.id))),
      ctx.table({
        id: `vendor-${v.id}-contracts`, title: 'Contracts',
        columns: [{ label: 'Contract' }, { label: 'State' }, { label: 'Start', kind: 'date' }, { label: 'End', kind: 'date' }, { label: 'Cancel by', kind: 'date' }, { label: ctx.money('Annual cost'), numeric: true }],
        rows: m.contracts.filter((c) => c.vendor === v.id).map((c) => [ctx.contract(c.id), c.state, c.start, c.end ?? '', c.cancelBy ?? '', c.annualCost]),
        empty: 'No contracts.',
      }),
      ...positionSections(ctx, v.id),
    ],
  }));
}
