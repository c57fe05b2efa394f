import type { Contract } from '../inventory/schema/index.ts';
import { addDays, addMonths, daysBetween, minDate, monthsBetween, type IsoDate } from '../util/dates.ts';

export interface Term {
  start: IsoDate;
  /** Last day of the term, inclusive. */
  end: IsoDate;
}

export type TermState = 'future' | 'current' | 'rolled' | 'expired' | 'perpetual';

export interface TermStatus {
  state: TermState;
  /** The term in force today (current/rolled), the first one (future), or the last one (expired). */
  term: Term | undefined;
  /** How many times an auto-renewing contract rolled past the end written in the file. */
  rolls: number;
}

/**
 * Length of a renewal term in months: term_months, else the written term's length rounded to the
 * nearest month (at least 1): a prorated first term (Jan 15 to Dec 31) or a term written a day
 * short still renews for the year it was meant to be.
 */
export function termMonths(c: Contract): number | undefined {
  if (c.term_months) return c.term_months;
  if (!c.end) return undefined;
  const after = addDays(c.end, 1);
  const whole = monthsBetween(c.start, after);
  const rest = daysBetween(addMonths(c.start, whole), after);
  return Math.max(1, whole + (rest * 2 >= 30 ? 1 : 0));
}

/** The n-th term after `anchor` + `offset` months, each `months` long (anchored, so month ends do not drift). */
function rolledTerm(anchor: IsoDate, offset: number, months: number, n: number): Term {
  return { start: addMonths(anchor, offset + n * months), end: addDays(addMonths(anchor, offset + (n + 1) * months), -1) };
}

// An auto-renewing contract written 100 years ago is a mistake; stop rolling there.
const MAX_ROLLS = 1200;

/** Where a contract stands on a day: an auto-renewing contract rolls forward term by term. */
export function termStatus(c: Contract, today: IsoDate): TermStatus {
  if (!c.end) return { state: today < c.start ? 'future' : 'perpetual', term: undefined, rolls: 0 };
  const written = { start: c.start, end: c.end };
  if (today < c.start) return { state: 'future', term: written, rolls: 0 };
  if (today <= c.end) return { state: 'current', term: written, rolls: 0 };
  const cancelled = c.renewal?.decision === 'cancel';
  const months = termMonths(c);
  if (!c.auto_renew || cancelled || !months) return { state: 'expired', term: written, rolls: 0 };
  // The first rolled term starts the day after the written end. When that day is a whole number
  // of months after the start, count from the start: a term begun on Jan 31 renews on Feb 28,
  // then Mar 31 (counting from Feb 28 would drift to Mar 28).
  const next = addDays(c.end, 1);
  const writtenMonths = monthsBetween(c.start, next);
  const [anchor, offset] = addMonths(c.start, writtenMonths) === next ? [c.start, writtenMonths] : [next, 0];
  for (let n = 0; n < MAX_ROLLS; n++) {
    const t = rolledTerm(anchor, offset, months, n);
    if (today <= t.end) return { state: 'rolled', term: t, rolls: n + 1 };
  }
  return { state: 'expired', term: written, rolls: 0 };
}

/** True when the contract entitles seats on that day. */
export function inForce(c: Contract, today: IsoDate): boolean {
  const s = termStatus(c, today).state;
  return s === 'current' || s === 'rolled' || s === 'perpetual';
}

/** The day the next term would begin. */
export const renewalDate = (term: Term): IsoDate => addDays(term.end, 1);

/** The last day to give notice: the renewal date minus the notice period, at the latest the term's last day. */
export function cancelBy(term: Term, notice: Contract['notice']): IsoDate {
  const renewal = renewalDate(term);
  if (!notice) return term.end;
  const by = 'days' in notice ? addDays(renewal, -notice.days) : addMonths(renewal, -notice.months);
  // A notice of 0 days would give the renewal day itself, when the next term has already begun.
  return minDate(by, term.end);
}

/**
 * The day a renewal decision is due: `decision_window_days` before the cancel-by date (org.schema:
 * "A renewal decision is due this many days before the cancel-by date"). The one definition that
 * check's renewal-decision-due, `lac renewals`, the renewal issues and the site show (issue 11).
 */
export const decisionDueDate = (cancelByDate: IsoDate, decisionWindowDays: number): IsoDate => addDays(cancelByDate, -decisionWindowDays);

/** Whether the contract records a decision for the term in force (a rolled term has none yet). */
export function hasDecision(c: Contract, status: TermStatus): boolean {
  const d = c.renewal?.decision;
  return d !== undefined && d !== 'undecided' && status.rolls === 0;
}
