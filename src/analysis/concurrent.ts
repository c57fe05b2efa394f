import type { Peak } from '../inventory/schema/index.ts';
import type { IsoDate } from '../util/dates.ts';
import type { Entitlement } from './entitlement.ts';

/** One day's peak and its index in the snapshot's `peaks` (for a located finding). */
export interface PeakAt {
  peak: Peak;
  index: number;
}

/** The tier a peak counts for: its own, or '' for a peak of the license as a whole. */
export const peakTier = (p: Peak): string => p.tier ?? '';

/** The daily peaks of a snapshot by tier, those from `from` on (all when absent), in snapshot order. */
export function peaksByTier(peaks: readonly Peak[] | undefined, from?: IsoDate, to?: IsoDate): Map<string, PeakAt[]> {
  const out = new Map<string, PeakAt[]>();
  (peaks ?? []).forEach((peak, index) => {
    if ((from !== undefined && peak.date < from) || (to !== undefined && peak.date > to)) return;
    out.set(peakTier(peak), [...(out.get(peakTier(peak)) ?? []), { peak, index }]);
  });
  return out;
}

/** The highest in-use count of each tier, on the first day it was reached. */
export function topPeaks(peaks: readonly Peak[] | undefined, from?: IsoDate, to?: IsoDate): Map<string, PeakAt> {
  const out = new Map<string, PeakAt>();
  for (const [tier, list] of peaksByTier(peaks, from, to)) out.set(tier, list.reduce((a, b) => (b.peak.in_use > a.peak.in_use ? b : a)));
  return out;
}

/** The seats a tier's peak is measured against: the tier's entitlement, or every tier's for '' (the license as a whole). */
export function entitledFor(ent: Entitlement | undefined, tier: string): number {
  if (!ent) return 0;
  if (tier !== '') return ent.tiers.get(tier) ?? 0;
  return [...ent.tiers.values()].reduce((a, b) => a + b, 0);
}

/** Denials (checkouts refused for a full pool) per tier in a window, with the day that had the most. */
export function denialsByTier(peaks: readonly Peak[] | undefined, from: IsoDate, to: IsoDate): Map<string, { total: number; days: number; worst: PeakAt }> {
  const out = new Map<string, { total: number; days: number; worst: PeakAt }>();
  for (const [tier, list] of peaksByTier(peaks, from, to)) {
    const denied = list.filter((p) => (p.peak.denials ?? 0) > 0);
    if (denied.length === 0) continue;
    const worst = denied.reduce((a, b) => ((b.peak.denials ?? 0) > (a.peak.denials ?? 0) ? b : a));
    out.set(tier, { total: denied.reduce((n, p) => n + (p.peak.denials ?? 0), 0), days: denied.length, worst });
  }
  return out;
}
