import { brokenKey, type Inventory } from '../../inventory/model.ts';
import type { Contract } from '../../inventory/schema/index.ts';
import type { IsoDate } from '../../util/dates.ts';
import { freeTiers } from '../cost.ts';
import { reclaimPolicy, type EffectiveReclaim } from '../policy.ts';
import { seatViews, type SeatView } from '../report/seats.ts';
import { judgeSeat, type Verdict } from './candidates.ts';

export interface SeatVerdict {
  view: SeatView;
  verdict: Verdict;
}

export interface LicenseVerdicts {
  policy: EffectiveReclaim;
  /** Seats with a verdict (a proposal, or why one is not made); seats with nothing to say are left out. */
  seats: SeatVerdict[];
}

/**
 * The reclaim verdict of every seat of a license under its reclaim policy: the one function that
 * `lac reclaim` proposes from and `lac check`'s inactive-seat reports from (issue 11). Nothing is
 * proposed when the policy is `enabled: false` or the license is retired; an idle seat of a free
 * tier (a viewer, say) is kept: it costs nothing. `contracts`: the license's contracts in force. Pure.
 */
export function licenseVerdicts(inv: Inventory, licenseId: string, today: IsoDate, contracts: readonly { data: Contract }[]): LicenseVerdicts | undefined {
  const rec = inv.licenses.get(licenseId);
  const list = inv.assignments.get(licenseId);
  if (!rec || !list) return undefined;
  const license = rec.data;
  const policy = reclaimPolicy(inv.org?.data, license);
  if (!policy.enabled || license.retired) return { policy, seats: [] };
  const freeTier = freeTiers(contracts, licenseId);
  const seats: SeatVerdict[] = [];
  for (const view of seatViews(inv, license, today)) {
    let verdict = judgeSeat(view, license, policy, today);
    if (!verdict) continue;
    // Without the directory, tenure, exemptions and leaving dates are not known: nothing is proposed.
    if (verdict.propose && view.seat.person !== undefined && !view.person && inv.broken.has(brokenKey('people'))) verdict = { propose: false, why: 'not judged: inventory/people.yaml is broken' };
    if (verdict.propose && verdict.reason !== 'leaver' && verdict.action === 'remove' && freeTier.has(view.seat.tier)) verdict = { propose: false, why: `tier ${view.seat.tier} costs nothing` };
    seats.push({ view, verdict });
  }
  return { policy, seats };
}

/** Reasons that make a seat idle: what check's inactive-seat reports and reclaim proposes as inactive or never used. */
export const IDLE_REASONS = new Set(['inactive', 'never-used']);
