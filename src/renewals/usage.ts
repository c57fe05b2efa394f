import { topPeaks } from '../analysis/concurrent.ts';
import { tierDailyPeaks, type DailyPeak } from '../analysis/concurrent-recommend.ts';
import type { SeatList } from '../inventory/model.ts';
import type { Account, License, Usage } from '../inventory/schema/index.ts';
import { addDays, daysBetween, type IsoDate } from '../util/dates.ts';

/** One version of a license's usage snapshot, with the day (org time zone) it was taken. */
export interface Snapshot {
  day: IsoDate;
  usage: Usage;
}

/** Where a tier's usage figure comes from, best first. */
export type UsageBasis = 'history' | 'snapshot' | 'assignments' | 'none';

export interface TierUsage {
  basis: UsageBasis;
  /** Peak seats in use (or assigned, for the `assignments` basis). */
  peak: number;
  /** Day of the peak (the snapshot's day, or the concurrent peak's day). */
  peakOn?: IsoDate;
  /** Snapshots the figure was read from, and the days they span. */
  snapshots: number;
  from?: IsoDate;
  to?: IsoDate;
  /** Concurrent licenses: the tier's daily peaks in the usage window, one per day (src/analysis/concurrent-recommend.ts). */
  daily?: DailyPeak[];
}

const NOT_IN_USE = new Set(['suspended', 'deactivated', 'guest']);

/**
 * An account holds a seat in use on the snapshot's day when it is enabled and was active within
 * `inactiveDays` of that day. Vendors that do not report activity (no `last_active`) count every
 * enabled account; `last_active: null` (never used) does not count, nor does a seat already
 * cancelled at the vendor (`pending_cancellation`): the next term does not need it.
 */
export function inUse(account: Account, day: IsoDate, inactiveDays: number): boolean {
  if (NOT_IN_USE.has(account.status ?? 'active') || account.pending_cancellation !== undefined) return false;
  if (account.last_active === undefined) return true;
  if (account.last_active === null) return false;
  return daysBetween(account.last_active, day) <= inactiveDays;
}

/** The tier an account counts against: its reported tier, else its holder's seat tier, else the license's only tier. */
export function tierOf(account: Account, license: License, seatTiers: Map<string, string>): string | undefined {
  const ids = new Set(license.tiers.map((t) => t.id));
  if (account.tier && ids.has(account.tier)) return account.tier;
  const mapped = account.tier ? license.usage?.tiers?.[account.tier] : undefined;
  if (mapped && ids.has(mapped)) return mapped;
  const held = account.person ? seatTiers.get(account.person) : undefined;
  if (held) return held;
  return license.tiers.length === 1 ? license.tiers[0]!.id : undefined;
}

/**
 * Seats in use per tier in one snapshot. A concurrent license with daily peaks counts its peak
 * of simultaneous use, per tier where the peaks carry one; peaks without a tier: with several tiers each tier counts its active
 * users, at most the peak (an upper bound: the sum over tiers may exceed the peak).
 */
export function seatsInUse(snapshot: Snapshot, license: License, seatTiers: Map<string, string>, inactiveDays: number): Map<string, { n: number; on: IsoDate }> {
  const out = new Map<string, { n: number; on: IsoDate }>();
  for (const account of snapshot.usage.accounts) {
    if (!inUse(account, snapshot.day, inactiveDays)) continue;
    const tier = tierOf(account, license, seatTiers);
    if (!tier) continue;
    out.set(tier, { n: (out.get(tier)?.n ?? 0) + 1, on: snapshot.day });
  }
  const peaks = snapshot.usage.peaks ?? [];
  if (license.type !== 'concurrent' || peaks.length === 0) return out;
  const tops = topPeaks(peaks);
  // License-server sources give each tier its own peaks: each tier counts its own.
  const tiered = [...tops].filter(([tier]) => tier !== '');
  if (tiered.length > 0) return new Map(tiered.map(([tier, { peak }]) => [tier, { n: peak.in_use, on: peak.date }]));
  const top = tops.get('')!.peak;
  if (license.tiers.length === 1) return new Map([[license.tiers[0]!.id, { n: top.in_use, on: top.date }]]);
  for (const [tier, v] of out) if (v.n > top.in_use) out.set(tier, { n: top.in_use, on: top.date });
  return out;
}

export interface UsageInput {
  license: License;
  seats: SeatList | undefined;
  /** Versions of the snapshot from git history (any order). */
  history: Snapshot[];
  /** The snapshot in the working tree. */
  current: Snapshot | undefined;
  inactiveDays: number;
  windowDays: number;
  today: IsoDate;
}

/**
 * Peak seats in use per tier over the usage window: the snapshots of the window from git history
 * (and the current one, if it falls in the window); else the current snapshot, however old; else
 * the seats assigned today.
 */
export function tierUsage(input: UsageInput): Map<string, TierUsage> {
  const { license, seats, today } = input;
  const seatTiers = new Map<string, string>();
  for (const s of seats?.seats ?? []) if (s.person && s.since <= today) seatTiers.set(s.person, s.tier);
  const from = addDays(today, -input.windowDays);
  // The working-tree snapshot is usually also the newest version in history: one per `taken` instant.
  const unique = new Map<string, Snapshot>();
  for (const s of [...input.history, ...(input.current ? [input.current] : [])]) {
    if (s.day >= from && s.day <= today) unique.set(s.usage.taken, s);
  }
  const windowed = [...unique.values()].sort((a, b) => (a.usage.taken < b.usage.taken ? -1 : a.usage.taken > b.usage.taken ? 1 : 0));
  const out = new Map<string, TierUsage>();
  if (windowed.length > 0 || input.current) {
    const used = windowed.length > 0 ? windowed : [input.current!];
    const basis: UsageBasis = windowed.length > 1 ? 'history' : 'snapshot';
    for (const t of license.tiers) out.set(t.id, { basis, peak: 0, snapshots: used.length, from: used[0]!.day, to: used.at(-1)!.day });
    for (const snap of used) {
      for (const [tier, { n, on }] of seatsInUse(snap, license, seatTiers, input.inactiveDays)) {
        const u = out.get(tier);
        if (u && n > u.peak) Object.assign(u, { peak: n, peakOn: on });
      }
    }
    if (license.type === 'concurrent') {
      const daily = tierDailyPeaks(used.map((s) => s.usage.peaks), license.tiers.map((t) => t.id), addDays(today, 1 - input.windowDays), today);
      // The peak shown beside the recommendation is the window's, the one the distribution reports.
      for (const [tier, d] of daily) {
        const top = d.reduce((x, y) => (y.inUse > x.inUse ? y : x));
        Object.assign(out.get(tier)!, { daily: d, peak: top.inUse, peakOn: top.date });
      }
    }
    return out;
  }
  for (const t of license.tiers) out.set(t.id, { basis: seats ? 'assignments' : 'none', peak: 0, snapshots: 0 });
  for (const s of seats?.seats ?? []) {
    const u = out.get(s.tier);
    if (u && s.since <= today) u.peak++;
  }
  return out;
}
