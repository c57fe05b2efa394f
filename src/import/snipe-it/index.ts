import { isRecord, toNumber, toText } from '../../usage/shared/values.ts';
import type { AssetLicense } from '../asset-db.ts';
import { apiBase, importHttp, tokens, unescapeHtml, type ApiContext } from '../connect.ts';
import { listAll } from './client.ts';

const VENDOR = 'Snipe-IT';
const text = (v: unknown) => {
  const t = toText(v);
  return t === undefined ? undefined : unescapeHtml(t);
};
const named = (v: unknown) => (isRecord(v) ? text(v.name) : undefined);
/** Snipe-IT's formatted date object `{ date: "2026-03-01", formatted: "..." }`, or null. */
const day = (v: unknown) => (isRecord(v) && typeof v.date === 'string' ? v.date.slice(0, 10) : undefined);

/** Reads licenses, their seats and the users holding them from Snipe-IT's REST API (/api/v1). */
export async function snipeItLicenses(url: string, currency: string, ctx: ApiContext): Promise<AssetLicense[]> {
  const http = importHttp(VENDOR, ctx, (b) => (isRecord(b) ? text(b.messages) ?? text(b.message) : undefined));
  const base = apiBase(url, VENDOR);
  const { SNIPEIT_API_TOKEN: token } = tokens(ctx, ['SNIPEIT_API_TOKEN'], VENDOR);
  const maxPages = ctx.maxPages ?? 200;
  const users = new Map((await listAll(http, base, 'users', token, maxPages)).map((u) => [toNumber(u.id), u]));
  const out: AssetLicense[] = [];
  for (const l of await listAll(http, base, 'licenses', token, maxPages)) {
    const id = toNumber(l.id);
    const seats = await listAll(http, base, `licenses/${id}/seats`, token, maxPages);
    const cost = text(l.purchase_cost_numeric);
    const start = day(l.purchase_date);
    const end = day(l.expiration_date);
    const order = text(l.order_number);
    out.push({
      where: `Snipe-IT license ${id} "${text(l.name)}"`,
      name: text(l.name) ?? `license ${id}`,
      ...(named(l.manufacturer) ?? named(l.supplier) ? { vendor: (named(l.manufacturer) ?? named(l.supplier))! } : {}),
      seats: toNumber(l.seats) ?? seats.length,
      ...(cost ? { cost } : {}),
      currency,
      ...(start ? { start } : {}),
      ...(end ? { end } : {}),
      ...(order ? { orderNumber: order } : {}),
      holders: seats.filter((s) => isRecord(s.assigned_user) || isRecord(s.assigned_asset)).map((s) => {
        const where = `Snipe-IT license ${id} seat ${toNumber(s.id)}`;
        if (!isRecord(s.assigned_user)) return { where, why: `checked out to the asset "${named(s.assigned_asset)}": device seats are not imported; add them by hand as \`device:\` seats` };
        const user = users.get(toNumber(s.assigned_user.id));
        const email = text(s.assigned_user.email) ?? text(user?.email);
        const name = text(s.assigned_user.name) ?? text(user?.name);
        return { where, ...(name ? { name } : {}), ...(email ? { email } : {}) };
      }),
    });
  }
  return out;
}

/** The columns of Snipe-IT's license list export (Licenses > Export CSV). */
export const SNIPE_IT_EXPORT = {
  product: 'Snipe-IT',
  name: ['Name', 'License'],
  vendor: ['Manufacturer', 'Supplier'],
  seats: ['Total', 'Seats'],
  cost: ['Purchase Cost'],
  start: ['Purchase Date'],
  end: ['Expiration Date', 'Expires'],
  order: ['Order Number'],
};
