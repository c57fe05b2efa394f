import type { PositionJson } from '../../report/position.ts';
import { positionTotals } from '../../analysis/position.ts';
import { parseAmount, toDecimal } from '../../util/money.ts';
import { routes } from '../routes.ts';
import type { Cell, Page, Section } from '../types.ts';
import type { Ctx } from './context.ts';

type Line = PositionJson['lines'][number];

const num = (n: number | 'unlimited' | null) => (n === null ? '—' : String(n));
const at = (file: string, line?: number) => `${file}${line ? `:${line}` : ''}`;

/** The id of a vendor's position table: its heading is the anchor `#t-<id>` the position index links to. */
export const positionTableId = (vendor: string) => `vendor-${vendor}-position`;

/** A vendor's rows of the position (`lac position --vendor ID` gives the same). */
export const vendorLines = (p: PositionJson, vendor: string): Line[] => p.lines.filter((l) => l.vendor === vendor);

function provenance(ctx: Ctx, title: string, csv?: string): Section {
  const p = ctx.m.position;
  return { type: 'facts', title, items: [
    { label: 'As of', value: p.asOf },
    { label: 'Commit', value: p.commit ? { text: p.commit, href: ctx.links.commit(p.commit) } : 'none (not a git repository)' },
    { label: 'Balance', value: 'entitled − deployed: positive a surplus, negative a shortfall; concurrent licenses are deployed at their peak' },
    { label: 'Peaks since', value: p.windowFrom },
    { label: `True-up (${p.currency} per year)`, value: 'the shortfall at the contract\'s price' },
    ...(csv ? [{ label: 'Download', value: { text: `CSV (${csv.split('/').pop()})`, href: routes.download(csv) } }] : []),
  ] };
}

/** The vendor page's position sections: the figures per product and tier, then every contract line and peak behind them. */
export function positionSections(ctx: Ctx, vendor: string): Section[] {
  const lines = vendorLines(ctx.m.position, vendor);
  if (lines.length === 0) return [];
  const money = ctx.money;
  const figures = ctx.table({
    id: positionTableId(vendor), title: 'License position',
    columns: [{ label: 'License' }, { label: 'Tier' }, { label: 'Type' }, { label: 'Entitled', numeric: true, kind: 'count' }, { label: 'Assigned', numeric: true }, { label: 'Vendor accounts', numeric: true }, { label: 'Peak in use', numeric: true }, { label: 'Deployed', numeric: true }, { label: 'Surplus / shortfall', numeric: true }, { label: money('Unit cost'), numeric: true }, { label: money('True-up'), numeric: true }],
    rows: lines.map((l) => [ctx.license(l.license), l.tierName, l.type, num(l.entitled), String(l.assigned), num(l.accounts), l.peak ? { text: `${l.peak.inUse} (${l.peak.date})`, value: l.peak.inUse } : '—', num(l.deployed), num(l.balance), l.unitCost ?? '?', l.trueUp ?? '?']),
  });
  const evidence = ctx.table({
    id: `vendor-${vendor}-position-sources`, title: 'Behind the figures',
    columns: [{ label: 'License' }, { label: 'Tier' }, { label: 'Record' }, { label: 'What' }, { label: 'PO' }, { label: 'Source at the commit' }],
    rows: lines.flatMap((l) => [
      ...l.backing.map((b) => [{ text: l.license, id: l.license }, l.tier, ctx.contract(b.contract), `lines[${b.line}]: ${b.quantity} × ${b.unitPrice} ${b.currency} per ${b.pricePeriod}${b.order ? `, order ${b.order}` : ''}`, b.po ?? '', link(ctx, b.source)]),
      ...(l.backing.length === 0 ? [[{ text: l.license, id: l.license }, l.tier, '', 'no contract in force names this tier: every deployed seat is a shortfall', '', '']] : []),
      ...(l.peak ? [[{ text: l.license, id: l.license }, l.tier, 'usage snapshot', l.peak.source.what, '', link(ctx, l.peak.source)]] : []),
    ]),
  });
  const docs = new Map(lines.flatMap((l) => l.backing.flatMap((b) => b.documents.map((d) => [`${b.contract}\u0000${d.url}`, { text: `${b.contract}: ${d.title}`, href: d.url }] as const))));
  return [provenance(ctx, 'License position', `position/${vendor}.csv`), figures, evidence, ...(docs.size ? [{ type: 'links' as const, title: 'Contract documents', links: [...docs.values()] }] : [])];
}

const link = (ctx: Ctx, s: { file: string; line?: number }): Cell => ({ text: at(s.file, s.line), href: ctx.links.blob(s.file, s.line) });

/** The position index: each vendor's shortfall, surplus and true-up cost, linking to its position on the vendor page. */
export function positionPage(ctx: Ctx): Page {
  const { m } = ctx;
  const vendors = [...new Set(m.position.lines.map((l) => l.vendor))].sort();
  const rows = vendors.map((v) => {
    const lines = vendorLines(m.position, v);
    const t = positionTotals(lines.map((l) => ({ balance: l.balance, trueUp: l.trueUp === null ? null : parseAmount(l.trueUp) })));
    const trueUp = toDecimal(t.trueUp, m.position.currency);
    const name = ctx.vendor(v);
    return [typeof name === 'string' || !name.href ? { text: v, href: `${routes.vendor(v)}#t-${positionTableId(v)}`, id: v } : { ...name, href: `${name.href}#t-${positionTableId(v)}` }, String(lines.length),
      String(t.shortfallSeats), String(t.surplusSeats), t.trueUpUnknown ? `${trueUp} + unknown` : trueUp];
  });
  return {
    route: routes.position, title: 'License position', nav: 'vendors',
    crumbs: [{ text: 'Overview', href: routes.overview }, { text: 'Vendors', href: routes.vendors }],
    sections: [provenance(ctx, 'Effective license position'), ctx.table({
      id: 'position', title: 'Position per vendor',
      columns: [{ label: 'Vendor' }, { label: 'Products and tiers', numeric: true }, { label: 'Shortfall (seats)', numeric: true }, { label: 'Surplus (seats)', numeric: true }, { label: ctx.money('True-up'), numeric: true }],
      rows, empty: 'No licenses.',
    })],
  };
}
