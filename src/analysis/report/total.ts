import type { Inventory } from '../../inventory/model.ts';
import type { IsoDate } from '../../util/dates.ts';
import type { Micros } from '../../util/money.ts';
import { roundToMinor } from '../money/allocate.ts';
import { tierPrices, type TierPrice } from './prices.ts';

/**
 * The org's annual cost on a day: the report's total (`buildReport(...).totals.annualCost`), each
 * tier rounded to the minor unit as there, without looking at activity (fast enough for `lac diff`).
 * `prices`: tierPrices(inv, today), when the caller has them already.
 */
export function annualTotal(inv: Inventory, today: IsoDate, prices: Map<string, Map<string, TierPrice>> = tierPrices(inv, today)): Micros {
  const currency = inv.org?.data.currency ?? 'EUR';
  // Seats are counted only where the cost is per held seat (no contract line, a list price): a
  // license of 100,000 seats with a contract is not walked.
  const held = (license: string, tier: string): number => {
    let n = 0;
    for (const s of inv.assignments.get(license)?.seats ?? []) if (s.tier === tier) n++;
    return n;
  };
  let total = 0n;
  for (const [license, tiers] of prices) {
    for (const t of tiers.values()) {
      const cost = t.contractCost ?? (t.unitCost === undefined ? 0n : t.unitCost * BigInt(held(license, t.tier)));
      total += roundToMinor(cost, currency);
    }
  }
  return total;
}
