// Software outside the inventory: undeclared apps and spend outside contracts, as `lac report` shows them.
import { routes } from '../routes.ts';
import type { Page } from '../types.ts';
import type { Ctx } from './context.ts';

/** The discovery page; without snapshots it says how to start. */
export function discoveryPage(ctx: Ctx): Page {
  const d = ctx.m.discovery;
  const cur = ctx.m.org.currency;
  return {
    route: routes.discovered, title: 'Software outside the inventory', nav: 'vendors',
    crumbs: [{ text: 'Overview', href: routes.overview }, { text: 'Vendors', href: routes.vendors }],
    sections: !d ? [{ type: 'text', text: 'No discovery snapshot yet: list sources under discovery: in org.yaml and run `lac discover`.' }] : [
      { type: 'kpis', items: [
        { label: `Contracted spend, ${d.from} to ${d.to}`, value: `${d.contracted} ${cur}` },
        { label: 'Spend outside contracts (expensed)', value: `${d.expensed} ${cur}`, note: `${d.declaredVendors} ${cur} to declared vendors, ${d.undeclaredSpend} ${cur} to undeclared apps` },
        { label: 'Undeclared apps', value: String(d.apps.length) },
      ] },
      ctx.table({
        id: 'undeclared-apps', title: 'Undeclared apps',
        columns: [{ label: 'Source' }, { label: 'App' }, { label: 'Users', numeric: true }, { label: `Spend, 90 days (${cur})`, numeric: true }, { label: 'Recurring' }],
        rows: d.apps.map((a) => [a.source, a.name, a.allUsers ? 'everyone' : String(a.users), a.spend90d ?? '', a.recurring ? 'yes' : '']),
        empty: 'No undeclared apps: every app in use matches a vendor or license, or is ignored in org.yaml.',
      }),
    ],
  };
}
