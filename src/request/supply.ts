// Whether a requested seat comes from free entitlement or must be bought: the report's figures
// for the tier (entitled, assigned, unassigned, the cost of one seat), presented, not recomputed.
import { UNCOUNTED_TYPES } from '../analysis/entitlement.ts';
import { tierPrices } from '../analysis/report/prices.ts';
import { licenseTiers } from '../analysis/report/tiers.ts';
import type { Inventory } from '../inventory/model.ts';
import type { IsoDate } from '../util/dates.ts';
import { formatMoney, type Micros } from '../util/money.ts';

/** `uncounted` and `unlimited` need no purchase; `free`: an entitled seat nobody holds; `short`: one must be bought. */
export type Supply =
  | { kind: 'uncounted' }
  | { kind: 'unlimited' }
  | { kind: 'free'; entitled: number; assigned: number; pending: number }
  | { kind: 'short'; entitled: number; assigned: number; pending: number; cost?: { amount: Micros; currency: string; from: 'contract' | 'list price' } };

/**
 * The supply of one more seat of `tier` of `license` on `today`, after the `pending` seats that
 * earlier requests' open pull requests would add (so two requests do not both take the last seat).
 */
export function seatSupply(inv: Inventory, today: IsoDate, license: string, tier: string, pending = 0): Supply {
  const rec = inv.licenses.get(license);
  if (!rec) throw new Error(`seatSupply: no license ${license}`);
  if (UNCOUNTED_TYPES.has(rec.data.type)) return { kind: 'uncounted' };
  const prices = tierPrices(inv, today).get(license) ?? new Map();
  const row = licenseTiers(inv, rec, prices, today).find((t) => t.report.tier === tier)?.report;
  const entitled = row?.entitled.value ?? null;
  if (entitled === 'unlimited') return { kind: 'unlimited' };
  const assigned = row?.assigned.value ?? 0;
  if (entitled !== null && (row?.unassigned.value ?? 0) > pending) return { kind: 'free', entitled, assigned, pending };
  const price = prices.get(tier);
  const currency = inv.org?.data.currency ?? 'EUR';
  const cost = price?.unitCost === undefined ? undefined : { amount: price.unitCost, currency, from: price.contractCost === undefined ? ('list price' as const) : ('contract' as const) };
  return { kind: 'short', entitled: entitled ?? 0, assigned, pending, ...(cost ? { cost } : {}) };
}

const requested = (n: number) => `${n} more in ${n === 1 ? 'an earlier open request' : 'earlier open requests'}`;

/** The supply in one sentence of markdown (no data from the issue in it). */
export function supplyText(s: Supply): string {
  if (s.kind === 'uncounted') return 'Seats of this license are not counted one by one: no purchase is needed.';
  if (s.kind === 'unlimited') return 'The contract in force entitles unlimited seats of this tier: no purchase is needed.';
  if (s.kind === 'free') return `A free seat is available: ${s.assigned} of ${s.entitled} entitled seats are assigned${s.pending ? `, ${requested(s.pending)}` : ''}.`;
  const held = `No seat of this tier is free (${s.assigned} assigned, ${s.pending ? `${requested(s.pending)}, ` : ''}${s.entitled} entitled)`;
  if (!s.cost) return `${held}, and no contract in force or list price gives its price: ask the license owner what one more seat costs.`;
  const at = s.cost.from === 'contract' ? "at the contract's price" : "at the tier's list price (no contract in force prices it)";
  return `${held}: one more seat costs **${formatMoney(s.cost.amount, s.cost.currency)} a year** ${at}.`;
}
