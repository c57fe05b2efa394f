import type { Account, License, Tier } from '../../inventory/schema/index.ts';
import { daysBetween, type IsoDate } from '../../util/dates.ts';
import type { EffectiveReclaim } from '../policy.ts';
import type { SeatView } from '../report/seats.ts';

export type ReclaimReason = 'leaver' | 'inactive' | 'never-used' | 'no-account' | 'rightsize';

/** What a seat's usage shows: the facts a reviewer checks before agreeing. */
export interface Evidence {
  lastActive: IsoDate | null | undefined;
  daysInactive: number | undefined;
  accountStatus?: string;
  signals?: Record<string, number>;
  /** The holder's last working day, for leavers. */
  left?: IsoDate;
}

export type Verdict =
  | { propose: true; action: 'remove' | 'downgrade'; to?: string; reason: ReclaimReason; detail: string; evidence: Evidence }
  | { propose: false; why: string };

function evidence(v: SeatView): Evidence {
  const e: Evidence = { lastActive: v.lastActive, daysInactive: v.daysInactive };
  if (v.account?.status) e.accountStatus = v.account.status;
  if (v.account?.signals) e.signals = v.account.signals;
  if (v.person?.end) e.left = v.person.end;
  return e;
}

/** True when every signal the tier names is reported and at most its limit. */
export function signalsFit(account: Account | undefined, limits: Record<string, number>): boolean {
  const signals = account?.signals;
  if (!signals || Object.keys(limits).length === 0) return false;
  return Object.entries(limits).every(([name, max]) => signals[name] !== undefined && signals[name]! <= max);
}

/** Whether one seat should be reclaimed or downgraded under the policy, and why; or why it stays. Pure. */
export function judgeSeat(v: SeatView, license: License, policy: EffectiveReclaim, today: IsoDate): Verdict | undefined {
  const seat = v.seat;
  if (!seat.person) return undefined;
  const ev = evidence(v);
  if (v.left) {
    const when = v.person?.end ? `left on ${v.person.end}` : 'is marked as a leaver';
    return { propose: true, action: 'remove', reason: 'leaver', detail: `${v.person?.name ?? seat.person} ${when}`, evidence: ev };
  }
  // Already cancelled at the vendor (GitHub Copilot `pending_cancellation_date`): nothing left to reclaim or save.
  if (v.state === 'cancelling') return { propose: false, why: `already cancelled at the vendor; the seat ends on ${v.account?.pending_cancellation}` };
  const proposal = propose(v, license, policy, today, ev);
  if (!proposal) return undefined;
  if (policy.exempt_people.includes(seat.person)) return { propose: false, why: 'exempt from reclaim (person)' };
  const dept = v.person?.department;
  if (dept && policy.exempt_departments.includes(dept)) return { propose: false, why: `exempt from reclaim (department ${dept})` };
  const held = daysBetween(seat.since, today);
  if (held < policy.min_tenure_days) return { propose: false, why: `assigned ${held} days ago; the policy waits ${policy.min_tenure_days} days` };
  // Someone on leave is expected to be idle and is coming back: their seat is kept, and listed as such.
  if (v.person?.status === 'on-leave' && proposal.propose && proposal.action === 'remove') return { propose: false, why: 'on leave: idle until they return' };
  return proposal;
}

/** The change a seat's usage calls for, before exemptions and the minimum tenure. */
function propose(v: SeatView, license: License, policy: EffectiveReclaim, today: IsoDate, ev: Evidence): Verdict | undefined {
  const seat = v.seat;
  if (v.state === 'no-account') return { propose: true, action: 'remove', reason: 'no-account', detail: 'no account at the vendor', evidence: ev };
  if (v.state === 'never') return { propose: true, action: 'remove', reason: 'never-used', detail: `never used in ${daysBetween(seat.since, today)} days`, evidence: ev };
  if (v.state === 'suspended' || v.state === 'deactivated') return { propose: true, action: 'remove', reason: 'inactive', detail: `account ${v.state}`, evidence: ev };
  if (v.state === 'inactive') return { propose: true, action: 'remove', reason: 'inactive', detail: `no activity for ${v.daysInactive} days (policy: ${policy.inactive_days})`, evidence: ev };
  if (v.state === 'active') {
    const tier: Tier | undefined = license.tiers.find((t) => t.id === seat.tier);
    const r = tier?.rightsize;
    if (r && r.to !== seat.tier && license.tiers.some((t) => t.id === r.to) && signalsFit(v.account, r.when_signals_at_most)) {
      const limits = Object.entries(r.when_signals_at_most).map(([k, max]) => `${k} ${v.account!.signals![k]} ≤ ${max}`).join(', ');
      return { propose: true, action: 'downgrade', to: r.to, reason: 'rightsize', detail: `usage fits ${r.to}: ${limits}`, evidence: ev };
    }
  }
  return undefined;
}
