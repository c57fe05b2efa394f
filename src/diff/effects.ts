import { annualLineCost, toOrgCurrency } from '../analysis/cost.ts';
import { entitlements } from '../analysis/entitlement.ts';
import { inForce } from '../analysis/terms.ts';
import type { Finding } from '../findings/finding.ts';
import type { Inventory } from '../inventory/model.ts';
import { sum, type Micros } from '../util/money.ts';
import type { IsoDate } from '../util/dates.ts';

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
  for (const s of inv.assignments.get(license)?.seats ?? []) counts.set(s.tier, (counts.get(s.tier) ?? 0) + 1);
  return counts;
};

/** The annual cost of every contract in force on a day, in the org currency. */
export function annualCost(inv: Inventory, today: IsoDate): Micros {
  const org = inv.org?.data;
  return sum(
    [...inv.contracts.values()]
      .filter((c) => inForce(c.data, today))
      .flatMap((c) => c.data.lines.map((l) => safeConvert(() => toOrgCurrency(annualLineCost(l, c.data), c.data, org)))),
  );
}

// A contract whose currency has no rate is a finding of its own (unknown-reference); it adds nothing here.
function safeConvert(f: () => Micros): Micros {
  try {
    return f();
  } catch {
    return 0n;
  }
}

/** Findings told apart by what they say, not where: a moved line is not a new finding. */
const findingKey = (f: Finding) => `${f.rule}\u0000${f.file}\u0000${f.message}`;

/** What a change does: seats vs entitlements of the licenses it touches, annual cost, findings in and out. */
export function effects(before: Inventory, after: Inventory, findingsBefore: Finding[], findingsAfter: Finding[], touched: Set<string>, today: IsoDate): Effects {
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
    costBefore: annualCost(before, today),
    costAfter: annualCost(after, today),
    introduced: findingsAfter.filter((f) => !beforeKeys.has(findingKey(f))),
    fixed: findingsBefore.filter((f) => !afterKeys.has(findingKey(f))),
  };
}
