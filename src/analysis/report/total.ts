import type { Inventory } from '../../inventory/model.ts';
import type { IsoDate } from '../../util/dates.ts';
import type { Micros } from '../../util/money.ts';
import { roundToMinor } from '../money/allocate.ts';
import { tierPrices } from './prices.ts';

/**
 * The org's annual cost on a day: the report's total (`buildReport(...).totals.annualCost`), each
 * tier rounded to the minor unit as there, without looking at activity (fast enough for `lac diff`).
 */
export function annualTotal(inv: Inventory, today: IsoDate): Micros {
  const currency = inv.org?.data.currency ?? 'EUR';
  const held = new Map<string, number>();
  for (const [license, list] of inv.assignments) for (const s of list.seats) held.set(`${license}\u0000${s.tier}`, (held.get(`${license}\u0000${s.tier}`) ?? 0) + 1);
  let total = 0n;
  for (const [license, tiers] of tierPrices(inv, today)) {
    for (const t of tiers.values()) {
      const cost = t.contractCost ?? (t.unitCost === undefined ? 0n : t.unitCost * BigInt(held.get(`${license}\u0000${t.tier}`) ?? 0));
      total += roundToMinor(cost, currency);
    }
  }
  return total;
}
