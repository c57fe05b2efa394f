import { entitlements } from '../analysis/entitlement.ts';
import { annualTotal } from '../analysis/report/total.ts';
import type { Finding } from '../findings/finding.ts';
import type { Inventory } from '../inventory/model.ts';
import type { Micros } from '../util/money.ts';
import type { IsoDate } from '../util/dates.ts';
import type { Prices } from './scope.ts';

export interface TierEffect {
  license: string;
  tier: string;
  seatsBefore: number;
  seatsAfter: number;
  /** Entitled seats after the change (Infinity for unlimited; 0 when no contract covers the tier). */
  entitled: number;
}

export interface Effects {
  tiers: TierEffect[];
  currency: string;
  costBefore: Micros;
  costAfter: Micros;
  introduced: Finding[];
  fixed: Finding[];
}

const seatCounts = (inv: Inventory, license: string) => {
  const counts = new Map<string, number>();
  const seats = inv.assignments.get(license)?.seats ?? [];
  // Indexed: without TurboFan (the diff's thread) for...of allocates per seat.
  for (let i = 0; i < seats.length; i++) counts.set(seats[i]!.tier, (counts.get(seats[i]!.tier) ?? 0) + 1);
  return counts;
};

/** The annual cost on a day, in the org currency: the report's total (src/analysis/report/total.ts). */
export const annualCost = (inv: Inventory, today: IsoDate, prices?: Prices): Micros => annualTotal(inv, today, prices);

/** Findings told apart by what they say, not where: a moved line is not a new finding. */
const findingKey = (f: Finding) => `${f.rule}\u0000${f.file}\u0000${f.message}`;

/** What a change does: seats vs entitlements of the licenses it touches, annual cost, findings in and out. */
export function effects(before: Inventory, after: Inventory, findingsBefore: Finding[], findingsAfter: Finding[], touched: Set<string>, today: IsoDate, prices: [Prices?, Prices?] = []): Effects {
  const ent = entitlements(after, today);
  const tiers: TierEffect[] = [];
  for (const license of [...touched].sort()) {
    const b = seatCounts(before, license);
    const a = seatCounts(after, license);
    const declared = after.licenses.get(license)?.data.tiers.map((t) => t.id) ?? before.licenses.get(license)?.data.tiers.map((t) => t.id) ?? [];
    for (const tier of [...new Set([...declared, ...b.keys(), ...a.keys()])]) {
      const entitled = ent.get(license)?.tiers.get(tier) ?? 0;
      if ((b.get(tier) ?? 0) === 0 && (a.get(tier) ?? 0) === 0 && entitled === 0) continue;
      tiers.push({ license, tier, seatsBefore: b.get(tier) ?? 0, seatsAfter: a.get(tier) ?? 0, entitled });
    }
  }
  const beforeKeys = new Set(findingsBefore.map(findingKey));
  const afterKeys = new Set(findingsAfter.map(findingKey));
  return {
    tiers,
    currency: after.org?.data.currency ?? before.org?.data.currency ?? 'EUR',
    costBefore: annualCost(before, today, prices[0]),
    costAfter: annualCost(after, today, prices[1]),
    introduced: findingsAfter.filter((f) => !beforeKeys.has(findingKey(f))),
    fixed: findingsBefore.filter((f) => !afterKeys.has(findingKey(f))),
  };
}
