import { annualUnitPrice, toOrgCurrency } from '../analysis/cost.ts';
import { contractsByLicense, entitlements, UNCOUNTED_TYPES } from '../analysis/entitlement.ts';
import type { Inventory } from '../inventory/model.ts';
import type { IsoDate } from '../util/dates.ts';
import { formatMoney, type Micros } from '../util/money.ts';
import type { SeatAction } from './plan.ts';

/** Seats to buy for adds that no free seat covers, at the price the contract in force says. */
export interface Purchase {
  license: string;
  tier: string;
  count: number;
  /** Per seat and year, in the org currency, e.g. "EUR 540.00"; undefined without a priced line. */
  unitPrice?: string;
}

/**
 * Marks the adds that free entitlement cannot cover (`unfunded`) and sums them per tier. Free
 * seats are the tier's entitlement less its assigned seats, plus seats this plan frees first.
 */
export function supplyFor(inv: Inventory, today: IsoDate, actions: SeatAction[]): Purchase[] {
  const ents = entitlements(inv, today);
  const key = (license: string, tier: string) => `${license}\0${tier}`;
  const free = new Map<string, number>();
  const freeOf = (license: string, tier: string): number => {
    const k = key(license, tier);
    if (!free.has(k)) {
      const type = inv.licenses.get(license)?.data.type;
      const entitled = type !== undefined && UNCOUNTED_TYPES.has(type) ? Infinity : (ents.get(license)?.tiers.get(tier) ?? 0);
      const assigned = inv.assignments.get(license)?.seats.filter((s) => s.tier === tier).length ?? 0;
      free.set(k, entitled - assigned);
    }
    return free.get(k)!;
  };
  for (const a of actions) {
    if (a.kind === 'add') continue;
    freeOf(a.license, a.tier);
    free.set(key(a.license, a.tier), freeOf(a.license, a.tier) + 1);
  }
  const short = new Map<string, Purchase>();
  for (const a of actions) {
    const tier = a.kind === 'add' ? a.tier : a.kind === 'move' ? a.to! : undefined;
    if (tier === undefined) continue;
    const left = freeOf(a.license, tier);
    if (left > 0) {
      free.set(key(a.license, tier), left - 1);
      continue;
    }
    a.unfunded = true;
    const p = short.get(key(a.license, tier)) ?? { license: a.license, tier, count: 0, ...price(inv, today, a.license, tier) };
    p.count++;
    short.set(key(a.license, tier), p);
  }
  return [...short.values()];
}

/** A seat's price for a year in the org currency, from the first contract in force that prices the tier. */
export function seatPrice(inv: Inventory, today: IsoDate, license: string, tier: string): { amount: Micros; currency: string } | undefined {
  for (const rec of contractsByLicense(inv, today).get(license) ?? []) {
    const line = rec.data.lines.find((l) => l.license === license && l.tier === tier);
    const org = inv.org?.data;
    if (line) return { amount: toOrgCurrency(annualUnitPrice(line, rec.data), rec.data, org), currency: org?.currency ?? rec.data.currency };
  }
  return undefined;
}

function price(inv: Inventory, today: IsoDate, license: string, tier: string): { unitPrice?: string } {
  const p = seatPrice(inv, today, license, tier);
  return p ? { unitPrice: `${formatMoney(p.amount, p.currency)} a year` } : {};
}
