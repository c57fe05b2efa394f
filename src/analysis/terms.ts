import type { Contract } from '../inventory/schema/index.ts';
import { addDays, addMonths, monthsBetween, type IsoDate } from '../util/dates.ts';

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

/** Length of a renewal term in months: term_months, else the written term's length (at least 1). */
export function termMonths(c: Contract): number | undefined {
  if (c.term_months) return c.term_months;
  if (!c.end) return undefined;
  return Math.max(1, monthsBetween(c.start, addDays(c.end, 1)));
}

/** The n-th term after the written one: starts n terms of `months` after `start`. */
function rolledTerm(start: IsoDate, months: number, n: number): Term {
  return { start: addMonths(start, n * months), end: addDays(addMonths(start, (n + 1) * months), -1) };
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
  // The first rolled term starts the day after the written end.
  const next = addDays(c.end, 1);
  for (let n = 0; n < MAX_ROLLS; n++) {
    const t = rolledTerm(next, months, n);
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

/** The last day to give notice: the renewal date minus the notice period (the term's end without one). */
export function cancelBy(term: Term, notice: Contract['notice']): IsoDate {
  const renewal = renewalDate(term);
  if (!notice) return term.end;
  if ('days' in notice) return addDays(renewal, -notice.days);
  return addMonths(renewal, -notice.months);
}

/** Whether the contract records a decision for the term in force (a rolled term has none yet). */
export function hasDecision(c: Contract, status: TermStatus): boolean {
  const d = c.renewal?.decision;
  return d !== undefined && d !== 'undecided' && status.rolls === 0;
}
