// Savings realised: seats that merged reclaim pull requests removed or downgraded, priced at
// today's per-seat prices. The changes themselves are read from git history (src/report/realised.ts).
import type { IsoDate } from '../util/dates.ts';
import { sum, type Micros } from '../util/money.ts';
import { roundToMinor } from './money/allocate.ts';
import type { TierPrice } from './report/prices.ts';
import { figure, type Figure, type Source } from './report/source.ts';

/** One seat change that a merged reclaim commit made on the default branch. */
export interface ReclaimChange {
  commit: string;
  /** Day the change landed (commit date in the org time zone). */
  date: IsoDate;
  license: string;
  file: string;
  holder: string;
  tier: string;
  /** Absent: the seat was removed; present: it was downgraded to this tier. */
  to?: string;
}

export interface RealisedSaving extends ReclaimChange {
  /** Per year, in the org currency; 0 when the tier has no per-seat price. */
  annual: Figure<Micros>;
}

export interface SavingsRealised {
  /** First day of the (fiscal) year counted. */
  since: IsoDate;
  seats: Figure<number>;
  annual: Figure<Micros>;
  items: RealisedSaving[];
}

/** The first day of the fiscal year that contains `today` (fiscal_year_start MM-DD, default 01-01). */
export function fiscalYearStart(today: IsoDate, start = '01-01'): IsoDate {
  const candidate = `${today.slice(0, 4)}-${start}`;
  return candidate <= today ? candidate : `${String(Number(today.slice(0, 4)) - 1).padStart(4, '0')}-${start}`;
}

/** Prices the changes made since `since` with per-seat prices (license → tier → price). Pure. */
export function savingsRealised(changes: readonly ReclaimChange[], prices: Map<string, Map<string, TierPrice>>, since: IsoDate, currency = 'EUR'): SavingsRealised {
  const unit = (license: string, tier: string | undefined): Micros => {
    const p = tier === undefined ? undefined : prices.get(license)?.get(tier);
    return p?.perSeat ? (p.unitCost ?? 0n) : 0n;
  };
  const source = (c: ReclaimChange): Source => ({ file: c.file, what: `commit ${c.commit.slice(0, 12)} (${c.date}): ${c.holder} ${c.tier}${c.to ? ` → ${c.to}` : ' removed'}` });
  const items = changes
    .filter((c) => c.date >= since)
    .map((c): RealisedSaving => {
      // Rounded per seat, so that the seats add up to the total shown.
      const saved = roundToMinor(unit(c.license, c.tier) - (c.to === undefined ? 0n : unit(c.license, c.to)), currency);
      const price = [c.tier, c.to].flatMap((t) => (t === undefined ? [] : (prices.get(c.license)?.get(t)?.sources.cost ?? [])));
      return { ...c, annual: figure(saved > 0n ? saved : 0n, [source(c)], price) };
    });
  const from = items.map(source);
  return { since, seats: figure(items.length, from), annual: figure(sum(items.map((i) => i.annual.value)), from), items };
}
