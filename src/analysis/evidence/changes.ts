import type { ChangeApproval } from '../../history/approval.ts';
import type { HistoryEvent } from '../../history/history.ts';
import { dayIn } from '../../history/time.ts';
import type { Period } from '../period/range.ts';
import type { ChangeRef, ChangeRow, ReviewCounts } from './types.ts';

/** The main-line commit of an event, with its review record (null when it was not looked up). */
export const changeRef = (e: HistoryEvent, timeZone: string): ChangeRef => ({
  commit: e.commit, on: dayIn(new Date(e.date), timeZone), pr: e.pr, author: e.author, approval: e.approval ?? null,
});

/** The review status of a change: absent is 'unavailable' (not looked up), never "none". */
export const statusOf = (a: ChangeApproval | null): ChangeApproval['status'] => a?.status ?? 'unavailable';

/** Each commit's events, in the order given. */
export function byCommit(events: readonly HistoryEvent[]): Map<string, HistoryEvent[]> {
  const out = new Map<string, HistoryEvent[]>();
  for (const e of events) {
    const list = out.get(e.commit);
    if (list) list.push(e);
    else out.set(e.commit, [e]);
  }
  return out;
}

/** Each commit's events, commits oldest first (events come newest or oldest first). */
export const oldestFirst = (events: readonly HistoryEvent[]): HistoryEvent[][] =>
  [...byCommit(events).values()].sort((a, b) => (a[0]!.date < b[0]!.date ? -1 : a[0]!.date > b[0]!.date ? 1 : 0));

function summary(events: readonly HistoryEvent[]): string {
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  return [...counts].map(([t, n]) => (n > 1 ? `${t} ×${n}` : t)).join(', ');
}

/**
 * Control (c): the changes to the inventory that landed in the period (commits on the main line,
 * oldest first) whose pull request had no approving review, or that came in without one; and the
 * count of every change by review status. `commits`: oldestFirst(events), when made once for many periods (a
 * million events at 100,000 people were grouped again for each of 20 periods).
 */
export function unreviewedChanges(events: readonly HistoryEvent[], period: Period, timeZone: string, commits: readonly HistoryEvent[][] = oldestFirst(events)): { rows: ChangeRow[]; counts: ReviewCounts } {
  const counts: ReviewCounts = { changes: 0, approved: 0, notApproved: 0, noPullRequest: 0, unavailable: 0 };
  const rows: ChangeRow[] = [];
  for (const list of commits) {
    const ref = changeRef(list[0]!, timeZone);
    if (ref.on < period.from || ref.on > period.to) continue;
    counts.changes++;
    const status = statusOf(ref.approval);
    if (status === 'approved') counts.approved++;
    else if (status === 'unavailable') counts.unavailable++;
    else {
      if (status === 'not-approved') counts.notApproved++;
      else counts.noPullRequest++;
      rows.push({ ...ref, files: [...new Set(list.map((e) => e.file))].sort(), summary: summary(list) });
    }
  }
  return { rows, counts };
}
