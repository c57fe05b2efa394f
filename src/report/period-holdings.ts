// Who held which seat on each day: from git history when the license repository is in git.
import { currentHoldings, historyHoldings, type Holdings } from '../analysis/period/holdings.ts';
import { gitText } from '../git/run.ts';
import { history } from '../history/history.ts';
import type { Inventory } from '../inventory/model.ts';
import { isTimeZone } from '../util/dates.ts';

/** Holdings from the history of `ref` (default HEAD); today's assignments outside a git repository or before the first commit. */
export async function periodHoldings(root: string, inv: Inventory, ref = 'HEAD'): Promise<Holdings> {
  // Not a repository, or no commit yet: the rev-parse fails and today's assignments stand in.
  const head = await gitText(root, ['rev-parse', '--verify', '-q', `${ref}^{commit}`]).catch(() => '');
  if (!head.trim()) return currentHoldings(inv);
  const tz = inv.org?.data.timezone;
  const timeZone = tz && isTimeZone(tz) ? tz : 'UTC';
  const { events } = await history(root, { ref: head.trim(), timeZone, order: 'oldest' });
  return historyHoldings(inv, events, timeZone);
}
