// The seats a projected renewal buys. Contracts bill by the quantity bought, not by the seats
// assigned: a leaver does not lower the spend of the term in force, only what the next term needs.
import type { Inventory } from '../../inventory/model.ts';
import type { ContractLine } from '../../inventory/schema/index.ts';
import type { LineRecommendation } from '../../renewals/recommend.ts';
import { toPacks } from '../../renewals/recommend.ts';
import type { IsoDate } from '../../util/dates.ts';
import { entitlesSeats } from '../cost.ts';
import { joinerSeats, leavingOn } from './people.ts';

/** Known people changes between today and a day: leavers holding a tier's seat, joiners an access policy grants it. */
export interface KnownChanges {
  /** Seats (license\0tier) held by people whose end date falls on or after today and before `day`. */
  leavers(license: string, tier: string, day: IsoDate): number;
  /** People starting after today and by `day` whom an access policy grants the tier and who hold no seat of the license yet. */
  joiners(license: string, tier: string, day: IsoDate): number;
}

/** The leavers and joiners known on `today` (people.yaml end and start dates, access policies). */
export function knownChanges(inv: Inventory, today: IsoDate): KnownChanges {
  const leaving: Array<{ key: string; end: IsoDate }> = [];
  for (const [license, list] of inv.assignments) {
    for (const s of list.seats) {
      const end = leavingOn(inv, s.person, today);
      if (end !== undefined) leaving.push({ key: `${license}\0${s.tier}`, end });
    }
  }
  const joining = joinerSeats(inv, today);
  return {
    leavers: (license, tier, day) => leaving.filter((l) => l.key === `${license}\0${tier}` && l.end < day).length,
    joiners: (license, tier, day) => joining.filter((j) => j.license === license && j.tier === tier && j.start <= day).length,
  };
}

/**
 * The quantity of a line renewed on `day`: where the renewals module recommends one from measured
 * use (src/renewals/recommend.ts), that recommendation less the seats of known leavers gone by then
 * and plus the seats access policies grant known joiners started by then, in whole packs; without a
 * usage figure, or for unlimited and maintenance lines, the quantity bought today.
 */
export function renewalQuantity(line: ContractLine, rec: LineRecommendation | undefined, known: KnownChanges, day: IsoDate): number | 'unlimited' {
  if (line.quantity === 'unlimited' || !rec || !rec.usage || rec.usage.basis === 'none' || rec.recommended === 'unlimited') return line.quantity;
  if (!entitlesSeats(line)) return rec.recommended;
  const n = rec.recommended - known.leavers(line.license, line.tier, day) + known.joiners(line.license, line.tier, day);
  return toPacks(Math.max(0, n), rec.packSize);
}
