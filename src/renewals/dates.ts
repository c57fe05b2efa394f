import { cancelBy, decisionDueDate, hasDecision, renewalDate, termStatus, type Term, type TermStatus } from '../analysis/terms.ts';
import type { Contract, Decision } from '../inventory/schema/index.ts';
import { daysBetween, type IsoDate } from '../util/dates.ts';

/**
 * Where a contract's renewal stands on a day:
 * upcoming — before the decision window; notice-window — inside the decision window before the
 * cancel-by date (policies.renewal.decision_window_days); past-cancel-by — the cancel-by date is
 * gone and the term has not ended; expired — the term ended and nothing renews it; renewed — a
 * successor contract (`previous:` naming it) takes over; cancelled — the decision is `cancel`.
 */
export const RENEWAL_STATUSES = ['upcoming', 'notice-window', 'past-cancel-by', 'expired', 'renewed', 'cancelled'] as const;
export type RenewalStatus = (typeof RENEWAL_STATUSES)[number];

export interface RenewalDates {
  /** The term the renewal is about: the term in force (a rolled term when the file is stale), or the first one. */
  term: Term;
  /** How many times an auto-renewing contract rolled past its written end. */
  rolls: number;
  /** The first day of the next term (the day after the term ends). */
  renewal: IsoDate;
  /** The last day to give notice. */
  cancelBy: IsoDate;
  /** Days from today to the cancel-by date (negative once it passed). */
  daysToCancelBy: number;
  /** The day the decision is due: the cancel-by date minus the decision window. */
  decisionDue: IsoDate;
  /** Days from today to the decision date (negative once it passed). */
  daysToDecision: number;
  daysToRenewal: number;
  status: RenewalStatus;
  /** The decision recorded for this term; a rolled term has none. */
  decision: Decision;
  /** The term that would follow: what a renewal pull request proposes. */
  next: Term;
}

/** The decision recorded for the term in force: `undecided` when none, or when the contract rolled past its written end. */
export function decisionFor(c: Contract, status: TermStatus): Decision {
  return hasDecision(c, status) ? c.renewal!.decision : 'undecided';
}

/**
 * The term after `term`, anchored like an auto-renewal (a term begun on Jan 31 is followed by
 * one that ends on the last day of January, not the 30th), whether or not the contract renews by itself.
 */
export function nextTerm(c: Contract, term: Term): Term {
  const rolling: Contract = { ...c, auto_renew: true, renewal: undefined };
  return termStatus(rolling, renewalDate(term)).term!;
}

/** The renewal dates and status of a contract on `today`; undefined for perpetual purchases (no end). */
export function renewalDates(c: Contract, today: IsoDate, options: { decisionWindowDays: number; hasSuccessor: boolean }): RenewalDates | undefined {
  const status = termStatus(c, today);
  if (!status.term) return undefined;
  const term = status.term;
  const renewal = renewalDate(term);
  const by = cancelBy(term, c.notice);
  const daysToCancelBy = daysBetween(today, by);
  const decisionDue = decisionDueDate(by, options.decisionWindowDays);
  const decision = decisionFor(c, status);
  return {
    term,
    rolls: status.rolls,
    renewal,
    cancelBy: by,
    daysToCancelBy,
    decisionDue,
    daysToDecision: daysBetween(today, decisionDue),
    daysToRenewal: daysBetween(today, renewal),
    status: statusOf(status, decision, daysToCancelBy, daysBetween(today, decisionDue), options.hasSuccessor),
    decision,
    next: nextTerm(c, term),
  };
}

function statusOf(s: TermStatus, decision: Decision, daysToCancelBy: number, daysToDecision: number, hasSuccessor: boolean): RenewalStatus {
  if (hasSuccessor) return 'renewed';
  if (decision === 'cancel') return 'cancelled';
  if (s.state === 'expired') return 'expired';
  if (daysToCancelBy < 0) return 'past-cancel-by';
  return daysToDecision <= 0 ? 'notice-window' : 'upcoming';
}
