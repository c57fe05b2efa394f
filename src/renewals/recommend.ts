import { annualLineCost, annualUnitPrice, toOrgCurrency } from '../analysis/cost.ts';
import { concurrentRecommendation, distributionText, withHeadroom, type PeakDistribution } from '../analysis/concurrent-recommend.ts';
import { roundToMinor } from '../analysis/money/allocate.ts';
import type { Contract, ContractLine, License, Org } from '../inventory/schema/index.ts';
import type { Micros } from '../util/money.ts';
import type { TierUsage } from './usage.ts';

export interface LineRecommendation {
  license: string;
  tier: string;
  current: number | 'unlimited';
  recommended: number | 'unlimited';
  packSize: number;
  usage: TierUsage | undefined;
  /** Seats of this tier bought under other contracts in force (they cover part of the peak). */
  elsewhere: number;
  /** Concurrent tiers with daily peaks: the peak distribution the quantity was sized by. */
  distribution?: PeakDistribution;
  /** How the recommendation was reached, one step per entry. */
  reasoning: string[];
  /** Annual cost in the org currency at the current price: as bought, and as recommended (undefined without an exchange rate). */
  currentCost: Micros | undefined;
  recommendedCost: Micros | undefined;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export { withHeadroom };

/** Rounds up to a whole number of packs. */
export const toPacks = (n: number, pack: number): number => Math.ceil(n / pack) * pack;

function basisText(u: TierUsage): string {
  const span = u.from === u.to ? `on ${u.from}` : `from ${u.from} to ${u.to}`;
  const on = u.peakOn && u.snapshots > 1 ? `, highest on ${u.peakOn}` : '';
  switch (u.basis) {
    case 'history':
      return `peak of ${plural(u.peak, 'seat')} in use over ${plural(u.snapshots, 'usage snapshot')} ${span}${on}`;
    case 'snapshot':
      return `${plural(u.peak, 'seat')} in use in the usage snapshot of ${u.from} (no other snapshot in the usage window)`;
    case 'assignments':
      return `no usage snapshot: ${plural(u.peak, 'seat')} assigned today`;
    case 'none':
      return 'no usage snapshot and no assignments: 0 seats';
  }
}

export interface RecommendInput {
  contract: Contract;
  line: ContractLine;
  license: License | undefined;
  usage: TierUsage | undefined;
  elsewhere: number;
  headroomPercent: number;
  org: Org | undefined;
}

/** The recommended quantity of one contract line for the next term, with the reasoning and the costs. */
export function recommendLine(input: RecommendInput): LineRecommendation {
  const { contract, line, usage, elsewhere } = input;
  const packSize = line.pack_size ?? 1;
  const org = (m: Micros): Micros | undefined => {
    try {
      // Whole minor units per line, so that the lines add up to the contract's cost shown.
      return roundToMinor(toOrgCurrency(m, contract, input.org), input.org?.currency ?? contract.currency);
    } catch {
      return undefined; // no exchange rate: the plan reports it once per contract
    }
  };
  const currentCost = org(annualLineCost(line, contract));
  const base = { license: line.license, tier: line.tier, current: line.quantity, packSize, usage, elsewhere, currentCost };
  const type = input.license?.type;
  if (line.quantity === 'unlimited' || type === 'site' || type === 'usage-based') {
    const why = line.quantity === 'unlimited' ? 'unlimited seats: kept as bought' : `${type} license: the quantity is not sized by seats in use; kept as bought`;
    return { ...base, recommended: line.quantity, reasoning: [why], recommendedCost: currentCost };
  }
  const peak = usage?.peak ?? 0;
  const reasoning = [usage ? basisText(usage) : 'no usage figure for this tier: 0 seats'];
  if (line.maintenance === true) return maintenanceLine(input, base, peak, reasoning, org);
  const distribution = type === 'concurrent' && usage?.daily ? concurrentRecommendation(usage.daily, input.headroomPercent) : undefined;
  let n: number;
  if (distribution) {
    n = distribution.recommended;
    reasoning.splice(0, 1, `${distributionText(distribution)}: ${plural(n, 'seat')}`);
  } else {
    n = withHeadroom(peak, input.headroomPercent);
    reasoning.push(`+ ${input.headroomPercent}% headroom: ${plural(n, 'seat')}`);
  }
  if (elsewhere > 0) {
    n = Math.max(0, n - elsewhere);
    reasoning.push(`- ${plural(elsewhere, 'seat')} bought under other contracts in force: ${plural(n, 'seat')}`);
  }
  if (packSize > 1) {
    const packed = toPacks(n, packSize);
    reasoning.push(`rounded up to packs of ${packSize}: ${plural(packed, 'seat')}`);
    n = packed;
  }
  const delta = n - line.quantity;
  reasoning.push(delta === 0 ? `same as today's ${line.quantity}` : `${delta > 0 ? `${delta} more` : `${-delta} fewer`} than today's ${line.quantity}`);
  return { ...base, ...(distribution ? { distribution } : {}), recommended: n, reasoning, recommendedCost: org(annualUnitPrice(line, contract) * BigInt(n)) };
}

/**
 * A maintenance (support) line renews for the perpetual seats it covers, bought under other
 * contracts: the covered seats still in use, never more than were bought, and never 0 while
 * they are in use (issue 11: a support contract recommended at 0 read as "drop it").
 */
function maintenanceLine(input: RecommendInput, base: Omit<LineRecommendation, 'recommended' | 'reasoning' | 'recommendedCost'>, peak: number, reasoning: string[], org: (m: Micros) => Micros | undefined): LineRecommendation {
  const { line, contract, elsewhere } = input;
  const quantity = line.quantity as number;
  let n = elsewhere > 0 ? Math.min(elsewhere, peak) : peak;
  reasoning.push(elsewhere > 0
    ? `support for the ${plural(elsewhere, 'perpetual seat')} bought under other contracts; ${n} of them in use: ${plural(n, 'seat')}`
    : `support for perpetual seats bought under no contract in force here: the ${plural(n, 'seat')} in use`);
  if (base.packSize > 1) {
    n = toPacks(n, base.packSize);
    reasoning.push(`rounded up to packs of ${base.packSize}: ${plural(n, 'seat')}`);
  }
  const delta = n - quantity;
  reasoning.push(delta === 0 ? `same as today's ${quantity}` : `${delta > 0 ? `${delta} more` : `${-delta} fewer`} than today's ${quantity}`);
  return { ...base, recommended: n, reasoning, recommendedCost: org(annualUnitPrice(line, contract) * BigInt(n)) };
}
