import type { Inventory } from '../../inventory/model.ts';
import { splitEvenly } from './split.ts';
import type { Figures } from './figures.ts';
import { dec } from './money.ts';
import { costCentreOf } from './people.ts';
import type { ChargeRow } from './types.ts';

export const UNALLOCATED = '(unallocated)';

/**
 * Who pays for what: each tier's annual cost is charged to the cost centres of its seat holders,
 * one unit price per seat; what no seat takes up (spare seats, device seats, unlimited terms with
 * no holder) stays unallocated. Unlimited or uncounted tiers are split evenly across holders.
 * Rows add up exactly to the total spend.
 */
export function chargeback(inv: Inventory, fig: Figures): ChargeRow[] {
  const acc = new Map<string, ChargeRow & { micros: bigint }>();
  const add = (costCentre: string, department: string | null, license: string, tier: string, seats: number, micros: bigint) => {
    const key = `${costCentre}\0${department ?? ""}\0${license}\0${tier}`;
    const row = acc.get(key) ?? { costCentre, department, license, tier, seats: 0, annualCost: '0', micros: 0n };
    row.seats += seats;
    row.micros += micros;
    acc.set(key, row);
  };
  for (const [license, tiers] of fig.tierCost) {
    for (const [tier, cost] of tiers) {
      if (cost.total === 0n) continue;
      const holders = fig.seats.filter((s) => s.license === license && s.tier === tier);
      const shares = cost.unit !== undefined ? holders.map(() => cost.unit!) : splitEvenly(cost.total, holders.length);
      let left = cost.total;
      holders.forEach((s, i) => {
        const share = shares[i]! > left ? left : shares[i]!;
        left -= share;
        const p = s.person ? inv.people.get(s.person)?.data : undefined;
        if (!p) return void (left += share);
        add(costCentreOf(inv, p) ?? UNALLOCATED, p.department ?? null, license, tier, 1, share);
      });
      if (left !== 0n) add(UNALLOCATED, null, license, tier, 0, left);
    }
  }
  return [...acc.values()]
    .map(({ micros, ...row }) => ({ ...row, annualCost: dec(inv, micros) }))
    .sort((a, b) => (a.costCentre < b.costCentre ? -1 : a.costCentre > b.costCentre ? 1 : a.license < b.license ? -1 : a.license > b.license ? 1 : a.tier < b.tier ? -1 : 1));
}
