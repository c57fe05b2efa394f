import { isRecord, toNumber, toText } from '../../usage/shared/values.ts';
import type { AssetLicense } from '../asset-db.ts';
import { apiBase, importHttp, tokens, type ApiContext } from '../connect.ts';
import { allItems, closeSession, describeGlpiError, openSession } from './client.ts';
import { contractTerms } from './contracts.ts';

const VENDOR = 'GLPI';
const text = (v: unknown) => (toText(v) === '0' ? undefined : toText(v));
const day = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : undefined);

/**
 * Reads software licenses from GLPI's REST API (apirest.php): SoftwareLicense (software, publisher,
 * number of seats, expiry), their financial information (Infocom: cost, buy date, supplier, order
 * number), the contracts covering them (term, number, supplier, cost), the users they are assigned
 * to (SoftwareLicense_User) and those users' emails (UserEmail).
 */
export async function glpiLicenses(url: string, currency: string, ctx: ApiContext): Promise<AssetLicense[]> {
  const http = importHttp(VENDOR, ctx, describeGlpiError);
  const base = `${apiBase(url, VENDOR).replace(/\/apirest\.php$/, '')}/apirest.php`;
  const env = tokens(ctx, ['GLPI_APP_TOKEN', 'GLPI_USER_TOKEN'], VENDOR);
  const session = await openSession(http, base, env.GLPI_APP_TOKEN, env.GLPI_USER_TOKEN);
  const max = ctx.maxPages ?? 200;
  try {
    const licenses = await allItems(session, 'SoftwareLicense', max, true);
    const infocoms = new Map((await allItems(session, 'Infocom', max, true)).filter((i) => i.itemtype === 'SoftwareLicense').map((i) => [toNumber(i.items_id), i]));
    const links = await allItems(session, 'SoftwareLicense_User', max);
    const users = new Map((await allItems(session, 'User', max)).map((u) => [toNumber(u.id), u]));
    const terms = contractTerms(await allItems(session, 'Contract', max), await allItems(session, 'Contract_Item', max), await allItems(session, 'Contract_Supplier', max, true), await allItems(session, 'ContractCost', max));
    const emails = new Map((await allItems(session, 'UserEmail', max)).filter((e) => Number(e.is_default) === 1).map((e) => [toNumber(e.users_id), text(e.email)]));
    return licenses.map((l) => {
      const id = toNumber(l.id);
      const info = infocoms.get(id);
      const number = toNumber(l.number) ?? 1;
      const contract = terms.get(id!) ?? {};
      const infoCost = text(info?.value) === '0.0000' ? undefined : text(info?.value);
      const [start, end, order, vendor, cost] = [day(info?.buy_date) ?? contract.start, day(l.expire) ?? contract.end, text(info?.order_number) ?? contract.orderNumber, text(l.manufacturers_id) ?? text(info?.suppliers_id) ?? contract.supplier, infoCost ?? contract.cost];
      return {
        where: `GLPI SoftwareLicense ${id} "${text(l.name)}"`,
        name: text(l.softwares_id) && text(l.name) ? `${text(l.softwares_id)} ${text(l.name)}` : (text(l.name) ?? `license ${id}`),
        seats: number === -1 ? ('unlimited' as const) : number,
        currency,
        ...(vendor ? { vendor } : {}), ...(cost ? { cost: cost.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '') } : {}),
        ...(!infoCost && contract.costWhy ? { note: contract.costWhy } : {}),
        ...(start ? { start } : {}), ...(end ? { end } : {}), ...(order ? { orderNumber: order } : {}),
        holders: links.filter((k) => toNumber(k.softwarelicenses_id) === id).map((k) => {
          const user = users.get(toNumber(k.users_id));
          const name = [text(user?.firstname), text(user?.realname)].filter(Boolean).join(' ') || text(user?.name);
          const email = emails.get(toNumber(k.users_id));
          return { where: `GLPI SoftwareLicense ${id} user ${toNumber(k.users_id)}`, ...(name ? { name } : {}), ...(email ? { email } : {}), ...(isRecord(user) ? {} : { why: `assigned to user ${toNumber(k.users_id)}, whom GLPI does not list` }) };
        }),
      };
    });
  } finally {
    await closeSession(session);
  }
}

/** The columns of GLPI's software license list exported as CSV (Management > Licenses, export "CSV"). */
export const GLPI_EXPORT = {
  product: 'GLPI',
  name: ['Name', 'Nom'],
  vendor: ['Publisher', 'Manufacturer', 'Supplier', 'Éditeur', 'Fournisseur'],
  seats: ['Number', 'Nombre'],
  cost: ['Value', 'Valeur', 'Purchase cost'],
  start: ['Date of purchase', 'Date d\'achat'],
  end: ['Expiration', 'Expiration date', 'Date d\'expiration'],
  order: ['Order number', 'Numéro de commande'],
};
