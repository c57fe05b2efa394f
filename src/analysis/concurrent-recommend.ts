import type { Peak } from '../inventory/schema/index.ts';
import type { IsoDate } from '../util/dates.ts';

/** One day's peak of a concurrent tier, as the license server reported it. */
export interface DailyPeak {
  date: IsoDate;
  inUse: number;
  denials: number;
}

/** The reasoning behind a concurrent tier's recommended quantity, as data every output shows. */
export interface PeakDistribution {
  method: 'p95-nearest-rank';
  /** Days with a reported peak in the window (days without data are left out, not counted as 0). */
  days: number;
  from: IsoDate;
  to: IsoDate;
  p50: number;
  p95: number;
  max: number;
  maxOn: IsoDate;
  /** Checkouts refused in the window, and on how many days. */
  denials: number;
  denialDays: number;
  /** The highest peak on a day with denials (the pool was full then); null without denials. */
  deniedPeak: number | null;
  headroomPercent: number;
  /** ceil(p95 × (1 + headroom)); with denials at least max and deniedPeak + 1; 0 only when nothing was ever in use. */
  recommended: number;
}

/**
 * The nearest-rank percentile (`p` in 0..100) of a non-empty list: the smallest value with at
 * least p% of the values at or below it, i.e. sorted[ceil(p/100 × n) − 1]. Always a reported value.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]!;
}

/** The daily peaks of one tier per day, the later report of a day winning (a later snapshot re-reads the day's log). */
export function dailyPeaks(reports: Iterable<DailyPeak>, from: IsoDate, to: IsoDate): DailyPeak[] {
  const byDay = new Map<IsoDate, DailyPeak>();
  for (const r of reports) if (r.date >= from && r.date <= to) byDay.set(r.date, r);
  return [...byDay.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/**
 * The daily peaks of each tier from snapshots' `peaks` lists (oldest snapshot first) within
 * [from, to]. A peak without a tier counts for a license with a single tier; with several tiers it
 * cannot be split, and those tiers get no daily peaks.
 */
export function tierDailyPeaks(lists: readonly (readonly Peak[] | undefined)[], tiers: readonly string[], from: IsoDate, to: IsoDate): Map<string, DailyPeak[]> {
  const reports = new Map<string, DailyPeak[]>();
  for (const snapshot of lists) {
    for (const p of snapshot ?? []) {
      const tier = p.tier ?? (tiers.length === 1 ? tiers[0] : undefined);
      if (tier === undefined || !tiers.includes(tier)) continue;
      const list = reports.get(tier) ?? [];
      list.push({ date: p.date, inUse: p.in_use, denials: p.denials ?? 0 });
      reports.set(tier, list);
    }
  }
  return new Map([...reports].map(([tier, r]) => [tier, dailyPeaks(r, from, to)] as const).filter(([, d]) => d.length > 0));
}

/**
 * The recommended seats of a concurrent tier from its daily peaks: the 95th percentile (nearest
 * rank) plus `headroomPercent`, rounded up. A day with denials had every seat taken and someone
 * turned away, so its peak understates demand: then at least the window's highest peak, and one
 * seat more than the highest peak on a day with denials (the least that demand proved; the denial
 * count is not the shortfall, as one user's retries are each denied). At least 1 while anything
 * was in use. Undefined without a daily peak.
 */
export function concurrentRecommendation(peaks: readonly DailyPeak[], headroomPercent: number): PeakDistribution | undefined {
  if (peaks.length === 0) return undefined;
  const values = peaks.map((p) => p.inUse);
  const top = peaks.reduce((a, b) => (b.inUse > a.inUse ? b : a));
  const p95 = percentile(values, 95);
  const denied = peaks.filter((p) => p.denials > 0);
  const denials = denied.reduce((n, p) => n + p.denials, 0);
  let recommended = withHeadroom(p95, headroomPercent);
  if (denials > 0) recommended = Math.max(recommended, top.inUse, Math.max(...denied.map((p) => p.inUse)) + 1);
  if (top.inUse > 0) recommended = Math.max(recommended, 1);
  return {
    method: 'p95-nearest-rank', days: peaks.length, from: peaks[0]!.date, to: peaks.at(-1)!.date,
    p50: percentile(values, 50), p95, max: top.inUse, maxOn: top.date, denials, denialDays: denied.length, deniedPeak: denied.length ? Math.max(...denied.map((p) => p.inUse)) : null, headroomPercent, recommended,
  };
}

/** Whole seats for `peak` plus `percent` headroom, rounded up. */
export const withHeadroom = (peak: number, percent: number): number => Math.ceil((peak * (100 + percent)) / 100);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "95th percentile of 90 daily peaks: 17; +10% headroom → 19; max 21 on 2026-10-14; 3 denials". */
export function distributionText(d: PeakDistribution): string {
  const headroom = withHeadroom(d.p95, d.headroomPercent);
  const parts = [`95th percentile of ${plural(d.days, 'daily peak')} (${d.from} to ${d.to}): ${d.p95}`, `+${d.headroomPercent}% headroom → ${headroom}`, `median ${d.p50}`, `max ${d.max} on ${d.maxOn}`];
  parts.push(d.denials > 0 ? `${plural(d.denials, 'denial')} on ${plural(d.denialDays, 'day')}` : 'no denials');
  if (d.recommended > headroom) parts.push(d.deniedPeak !== null ? `denied at a peak of ${d.deniedPeak}: at least ${d.deniedPeak + 1} and the max → ${d.recommended}` : `at least 1 while in use → ${d.recommended}`);
  return parts.join('; ');
}
