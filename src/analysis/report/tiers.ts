import type { Inventory, Rec, SeatList } from '../../inventory/model.ts';
import type { License, Usage } from '../../inventory/schema/index.ts';
import type { IsoDate } from '../../util/dates.ts';
import { divRound, type Micros } from '../../util/money.ts';
import { roundToMinor } from '../money/allocate.ts';
import type { TierSeats } from './leaves.ts';
import { topPeaks } from '../concurrent.ts';
import { reclaimPolicy } from '../policy.ts';
import type { TierPrice } from './prices.ts';
import { seatUses, type SeatUseView } from './seats.ts';
import { figure, mergeSources, recordSource, seatsSource, type Figure, type Source } from './source.ts';

/** The figures of one tier of one license. Money in micros of the org currency. */
export interface TierReport {
  license: string;
  tier: string;
  name: string;
  /** Seats the contracts in force entitle; 'unlimited'; null when no contract line names the tier. */
  entitled: Figure<number | 'unlimited' | null>;
  assigned: Figure<number>;
  /** Seats with activity within the policy; null when the license has no usage snapshot. */
  active: Figure<number | null>;
  /** Seats without activity past the policy, without a vendor account, or held by someone who left. */
  inactive: Figure<number>;
  /** Seats whose use is not known (no snapshot, a device, no activity reported). */
  unknown: Figure<number>;
  /** Why some or all seats' use is unknown (no usage source, no snapshot yet, no activity reported); null when every seat's use is known. */
  unknownReason: string | null;
  /** Seats already cancelled at the vendor (ending on their pending cancellation date): neither in use nor idle, nor a saving. */
  cancelling: Figure<number>;
  /** Entitled seats nobody holds; null when seats are not counted one by one. */
  unassigned: Figure<number | null>;
  /** Active seats per entitled seat (per assigned seat when the entitlement is not a number), in percent. */
  utilization: Figure<number | null>;
  annualCost: Figure<Micros>;
  /** Why the cost (and so cost per active user and waste) cannot be computed: no price for seats that are held, or no exchange rate. Shown instead of an amount, never as 0. */
  costUnknown: string | null;
  costPerActive: Figure<Micros | null>;
  /** Cost of unassigned plus inactive seats. */
  waste: Figure<Micros>;
}

export interface TierAnalysis {
  report: TierReport;
  /** The seats and cost to share out (./leaves.ts); the report's waste is set from the shares. */
  seats: TierSeats;
}

const percent = (part: number, whole: number): number => Math.round((part * 10000) / whole) / 100;

/** The figures of every tier of a license: from its contract lines, its seats and its usage snapshot. */
export function licenseTiers(inv: Inventory, license: Rec<License>, prices: Map<string, TierPrice>, today: IsoDate): TierAnalysis[] {
  const list = inv.assignments.get(license.data.id);
  const policy = reclaimPolicy(inv.org?.data, license.data);
  const views = seatUses(inv, license.data, today);
  const usage = inv.usage.get(license.data.id);
  const activitySources: Source[] = [];
  if (usage) activitySources.push(recordSource(usage, [], `usage snapshot taken ${usage.data.taken}`));
  activitySources.push(policySource(inv, license, policy.inactive_days));
  const peaks = license.data.type === 'concurrent' ? concurrentPeaks(usage, prices) : undefined;
  const out: TierAnalysis[] = [];
  for (const id of reportedTiers(license.data, prices, views.map((v) => v.seat))) {
    const seats = views.filter((v) => v.seat.tier === id);
    const price = prices.get(id);
    const analysis = tierAnalysis(license, id, seats, price, list, usage, activitySources, inv.org?.data.currency ?? 'EUR');
    const peak = peaks?.get(id) ?? peaks?.get('');
    if (peak) analysis.report.utilization = peak;
    out.push(analysis);
  }
  return out;
}

/** The tiers a license's report has rows for, in order: its own, those its contract lines name, those its seats hold; each with seats, or bought. */
function reportedTiers(license: License, prices: Map<string, TierPrice>, seats: readonly { tier: string }[]): string[] {
  const held = new Set(seats.map((s) => s.tier));
  return [...new Set([...license.tiers.map((t) => t.id), ...prices.keys(), ...held])].filter((id) => {
    const price = prices.get(id);
    return held.has(id) || Boolean(price?.entitled) || Boolean(price?.contractCost);
  });
}

/** A tier's row of licenseTiers without the seats' use: what the license position reads. */
export interface TierCount {
  tier: string;
  name: string;
  entitled: TierReport['entitled']['value'];
  assigned: number;
}

/**
 * licenseTiers' rows, their seats counted but not looked at one by one (no views, no activity): a position on a past
 * day at 1,000,000 seats is a count, not a million views made and dropped (issue 16).
 */
export function tierCounts(inv: Inventory, license: Rec<License>, prices: Map<string, TierPrice>): TierCount[] {
  const seats = inv.assignments.get(license.data.id)?.seats ?? [];
  const counts = new Map<string, number>();
  for (const s of seats) counts.set(s.tier, (counts.get(s.tier) ?? 0) + 1);
  return reportedTiers(license.data, prices, seats).map((id) => {
    const entitled = prices.get(id)?.entitled;
    return { tier: id, name: tierName(license.data, id), entitled: entitledValue(entitled), assigned: counts.get(id) ?? 0 };
  });
}

const tierName = (license: License, id: string): string => license.tiers.find((t) => t.id === id)?.name ?? id;
/** The seats bought, as a row shows them: a number, 'unlimited', or null when no contract line names the tier. */
const entitledValue = (entitled: number | undefined): TierCount['entitled'] => (entitled === undefined ? null : entitled === Infinity ? 'unlimited' : entitled);

/**
 * A concurrent license is used as much as its busiest moment: the highest daily peak of seats in
 * use at once against the seats entitled. Peaks per tier (license servers) measure their tier;
 * peaks without a tier measure the license against all its contract lines (keyed '').
 */
function concurrentPeaks(usage: Rec<Usage> | undefined, prices: Map<string, TierPrice>): Map<string, Figure<number | null>> | undefined {
  if (!usage || !usage.data.peaks?.length) return undefined;
  const finite = (p: TierPrice | undefined) => (p?.entitled !== undefined && Number.isFinite(p.entitled) ? p.entitled : 0);
  const out = new Map<string, Figure<number | null>>();
  for (const [tier, { peak, index }] of topPeaks(usage.data.peaks)) {
    // Unlimited tiers (a free viewer tier, say) take no concurrent seat.
    const entitled = tier === '' ? [...prices.values()].reduce((n, p) => n + finite(p), 0) : finite(prices.get(tier));
    if (entitled <= 0) continue;
    out.set(tier, figure(percent(peak.in_use, entitled), [recordSource(usage, ['peaks', index, 'in_use'], `peak of ${peak.in_use} seats in use at once on ${peak.date}, of ${entitled} concurrent seats entitled`)]));
  }
  return out;
}

function policySource(inv: Inventory, license: Rec<License>, days: number): Source {
  if (license.data.reclaim?.inactive_days !== undefined) return recordSource(license, ['reclaim', 'inactive_days'], `inactive after ${days} days (license policy)`);
  if (inv.org?.data.policies?.reclaim?.inactive_days !== undefined) return recordSource(inv.org, ['policies', 'reclaim', 'inactive_days'], `inactive after ${days} days (org policy)`);
  return { file: license.src.file, what: `inactive after ${days} days (default policy)` };
}

/** Why the use of some seats of a tier is not known; null when it is known for all. The reason is shown beside the figure, never a 0. */
export function unknownReason(license: License, usage: Rec<Usage> | undefined, seats: readonly SeatUseView[]): string | null {
  const unknown = seats.filter((s) => s.use === 'unknown');
  if (seats.length > 0 && unknown.length === 0) return null;
  if (!usage) return license.usage?.source && license.usage.source !== 'none' ? `no usage snapshot of ${license.id} yet (run \`lac pull ${license.id}\`)` : `${license.id} has no usage source`;
  if (unknown.length === 0) return null;
  const devices = unknown.filter((s) => !s.seat.person).length;
  const silent = unknown.length - devices;
  return [devices ? `${devices} device seat${devices > 1 ? 's' : ''}: no activity reported` : '', silent ? `${usage.data.source} reports no activity for ${silent} holder${silent > 1 ? 's' : ''}` : ''].filter(Boolean).join('; ');
}

function tierAnalysis(license: Rec<License>, id: string, seats: SeatUseView[], price: TierPrice | undefined, list: SeatList | undefined, usage: Rec<Usage> | undefined, activitySources: Source[], currency: string): TierAnalysis {
  const hasSnapshot = usage !== undefined;
  const name = tierName(license.data, id);
  const assigned = seats.length;
  const active = seats.filter((s) => s.use === 'active').length;
  const inactive = seats.filter((s) => s.use === 'inactive').length;
  const cancelling = seats.filter((s) => s.use === 'cancelling').length;
  const unknown = assigned - active - inactive - cancelling;
  const entitled = price?.entitled;
  const finite = entitled !== undefined && entitled !== Infinity;
  const counted = Boolean(price?.perSeat);
  const unassigned = counted && finite ? Math.max(0, entitled - assigned) : null;

  // Cost: the contract lines, else the list price of each held seat.
  const listed = price?.contractCost === undefined && price?.unitCost !== undefined;
  // Rounded to the minor unit once, here; ./leaves.ts shares it out and the waste is the wasted shares.
  const cost = roundToMinor(price?.contractCost ?? (listed ? price!.unitCost! * BigInt(assigned) : 0n), currency);

  const costUnknown = price?.unknown ?? (assigned > 0 && price?.contractCost === undefined && price?.unitCost === undefined ? `no price: no contract line in force names tier ${id}, and it has no list_price` : null);
  const first = seats[0]?.i;
  const seatSrc = list ? [seatsSource(list, first, `${assigned} seats with tier ${id}`)] : [];
  const entSrc = price?.sources.entitled ?? [];
  const costSrc = price?.sources.cost ?? [];
  const noSnapshot: Source = { file: license.src.file, what: `no usage snapshot of ${license.data.id}: activity unknown` };
  const actSrc = hasSnapshot || seats.some((s) => s.left) ? [...seatSrc, ...activitySources] : [...seatSrc, noSnapshot];
  const activeValue = hasSnapshot ? active : null;
  const base = activeValue === null ? null : finite && entitled > 0 ? entitled : assigned > 0 && !finite ? assigned : null;
  return {
    seats: { license: license.data.id, tier: id, seats, unassigned: unassigned ?? 0, counted, cost, costUnknown },
    report: {
      license: license.data.id,
      tier: id,
      name,
      entitled: figure(entitledValue(entitled), entSrc),
      assigned: figure(assigned, seatSrc),
      active: figure(activeValue, actSrc),
      inactive: figure(inactive, actSrc),
      unknown: figure(unknown, actSrc),
      unknownReason: unknownReason(license.data, usage, seats),
      cancelling: figure(cancelling, actSrc),
      unassigned: figure(unassigned, entSrc, seatSrc),
      utilization: figure(base === null || activeValue === null ? null : percent(activeValue, base), actSrc, entSrc),
      annualCost: figure(cost, costSrc, listed ? seatSrc : []),
      costUnknown,
      costPerActive: figure(activeValue ? divRound(cost, BigInt(activeValue)) : null, costSrc, actSrc),
      waste: figure(0n, counted ? mergeSources(costSrc, entSrc, actSrc, seatSrc) : []),
    },
  };
}
