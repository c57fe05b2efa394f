import { parseAmount, sum } from '../../util/money.ts';
import { addDays, addMonths } from '../../util/dates.ts';
import { toNumber, toText } from '../../usage/shared/values.ts';
import { microsText } from '../asset-db.ts';

/** What a GLPI contract says about one license it covers: its term, number, supplier and (when it covers only that license) its cost. */
export interface ContractTerms {
  start?: string;
  end?: string;
  orderNumber?: string;
  supplier?: string;
  cost?: string;
  /** Why the contract's cost could not be taken (it covers several licenses). */
  costWhy?: string;
}

type Item = Record<string, unknown>;
const day = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : undefined);
const text = (v: unknown) => (toText(v) === '0' ? undefined : toText(v));

/**
 * The terms of the contract covering each license (GLPI: Contract with begin_date and duration in
 * months, Contract_Item linking it to SoftwareLicense items, Contract_Supplier, ContractCost).
 */
export function contractTerms(contracts: Item[], links: Item[], suppliers: Item[], costs: Item[]): Map<number, ContractTerms> {
  const out = new Map<number, ContractTerms>();
  const licenseLinks = links.filter((l) => l.itemtype === 'SoftwareLicense');
  for (const c of contracts) {
    const id = toNumber(c.id);
    const covered = licenseLinks.filter((l) => toNumber(l.contracts_id) === id).map((l) => toNumber(l.items_id)!);
    if (covered.length === 0) continue;
    const start = day(c.begin_date);
    const months = toNumber(c.duration) ?? 0;
    const own = costs.filter((k) => toNumber(k.contracts_id) === id).map((k) => text(k.cost) ?? '0');
    // A cost lac cannot read exactly (a sign, more than six decimals) is never rounded into the sum.
    const unreadable = own.find((k) => !/^\d{1,9}(\.\d{1,6})?$/.test(k));
    const total = own.length === 0 || unreadable !== undefined ? undefined : microsText(sum(own.map(parseAmount)));
    const supplier = text(suppliers.find((s) => toNumber(s.contracts_id) === id)?.suppliers_id);
    const number = text(c.num);
    for (const license of covered) {
      out.set(license, {
        ...(start ? { start } : {}),
        ...(start && months > 0 ? { end: addDays(addMonths(start, months), -1) } : {}),
        ...(number ? { orderNumber: number } : {}),
        ...(supplier ? { supplier } : {}),
        ...(total !== undefined && covered.length === 1 ? { cost: total } : {}),
        ...(unreadable !== undefined ? { costWhy: `GLPI contract ${id} "${text(c.name)}" has the cost "${unreadable}", not a plain amount; its costs are not imported` } : {}),
        ...(total !== undefined && covered.length > 1 ? { costWhy: `the cost ${total} of GLPI contract ${id} "${text(c.name)}" covers ${covered.length} licenses; split it by hand` } : {}),
      });
    }
  }
  return out;
}
