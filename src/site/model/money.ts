import type { Inventory } from '../../inventory/model.ts';
import type { Contract } from '../../inventory/schema/index.ts';
import type { UnknownPart } from '../../analysis/money/unknown.ts';
import { unknownWhy } from '../../report/unknown.ts';
import { convert, toDecimal, type Micros } from '../../util/money.ts';
import type { UnknownInfo } from './types.ts';

/** Amounts in the model: decimal strings in the org currency. */
export function orgCurrency(inv: Inventory): string {
  return inv.org?.data.currency ?? 'EUR';
}

/** True when org.yaml has no exchange rate for a contract currency: its amounts in the org currency are unknown. */
export const rateMissing = (inv: Inventory, currency: string): boolean => Boolean(inv.org) && currency !== orgCurrency(inv) && inv.org?.data.exchange_rates?.[currency] === undefined;

/** A contract-currency amount in the org currency; 0 when org.yaml has no rate for it (`lac check` reports that; `rateMissing` marks it unknown). */
export function inOrgCurrency(inv: Inventory, amount: Micros, contract: Contract): Micros {
  const org = inv.org?.data;
  if (!org || contract.currency === org.currency) return amount;
  try {
    return convert(amount, contract.currency, org.currency, org.exchange_rates ?? {});
  } catch {
    return 0n;
  }
}

export const dec = (inv: Inventory, amount: Micros): string => toDecimal(amount, orgCurrency(inv));

/** The report's unknown part of a sum, as the site shows it. */
export const unknownInfo = (u: UnknownPart | undefined): UnknownInfo | null => (u ? { reason: unknownWhy(u), whole: u.whole } : null);

/** Unknown parts per key, only for the keys that have one. */
export const unknownInfos = (m: Record<string, { unknown?: UnknownPart }> | Record<string, UnknownPart> | undefined): Record<string, UnknownInfo> =>
  Object.fromEntries(Object.entries(m ?? {}).flatMap(([k, v]) => { const u = unknownInfo('reasons' in v ? v : v.unknown); return u ? [[k, u]] : []; }));
