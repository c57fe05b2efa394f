import { addDays, type IsoDate } from '../../util/dates.ts';
import { parseAmount } from '../../util/money.ts';
import type { ContractInfo, Savings } from './types.ts';

/**
 * Savings realised in the 12 months up to `today`: a renewal that costs less a year than the
 * contract it replaced (the difference), and a contract cancelled at its end (its annual cost).
 */
export function savingsRealised(contracts: ContractInfo[], today: IsoDate, toDec: (m: bigint) => string): Savings {
  const from = addDays(today, -365);
  const byId = new Map(contracts.map((c) => [c.id, c]));
  const items: Savings['items'] = [];
  for (const c of contracts) {
    const prev = c.previous ? byId.get(c.previous) : undefined;
    if (prev && c.start > from && c.start <= today) {
      const diff = parseAmount(prev.annualCost) - parseAmount(c.annualCost);
      if (diff > 0n) items.push({ date: c.start, contract: c.id, previous: prev.id, kind: 'renewed-smaller', amount: toDec(diff) });
    }
    if (c.decision === 'cancel' && !c.successor && c.end && c.end >= from && c.end < today) {
      items.push({ date: addDays(c.end, 1), contract: c.id, previous: null, kind: 'cancelled', amount: c.annualCost });
    }
  }
  items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.contract < b.contract ? -1 : 1));
  return { total: toDec(items.reduce((s, i) => s + parseAmount(i.amount), 0n)), items };
}
