// Who held which seat on each day: from git history when the license repository is in git.
import { simpleGit } from 'simple-git';
import { currentHoldings, historyHoldings, type Holdings } from '../analysis/period/holdings.ts';
import { history } from '../history/history.ts';
import type { Inventory } from '../inventory/model.ts';
import { isTimeZone } from '../util/dates.ts';

/** Holdings from the history of `ref` (default HEAD); today's assignments outside a git repository or before the first commit. */
export async function periodHoldings(root: string, inv: Inventory, ref = 'HEAD'): Promise<Holdings> {
  const git = simpleGit(root);
  if (!(await git.checkIsRepo().catch(() => false))) return currentHoldings(inv);
  const head = await git.raw(['rev-parse', '--verify', '-q', ref]).catch(() => '');
  if (!head.trim()) return currentHoldings(inv);
  const tz = inv.org?.data.timezone;
  const timeZone = tz && isTimeZone(tz) ? tz : 'UTC';
  const { events } = await history(root, { ref: head.trim(), timeZone, order: 'oldest' });
  return historyHoldings(inv, events, timeZone);
}
