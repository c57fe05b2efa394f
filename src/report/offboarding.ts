// Reads the offboarding evidence from git history, when the license repository is in git.
import { offboarding, type Offboarding } from '../analysis/offboarding/index.ts';
import { gitText } from '../git/run.ts';
import { history } from '../history/history.ts';
import type { Inventory } from '../inventory/model.ts';
import { isTimeZone, type IsoDate } from '../util/dates.ts';

export const NEEDS_HISTORY = 'offboarding evidence needs the git history (the license repository is not a git repository, or has no commit yet)';

/** Whether people.yaml names a leaver with an end date: the evidence has someone to be about. */
export const hasLeavers = (inv: Inventory): boolean => [...inv.people.values()].some((p) => p.data.status === 'leaver' && p.data.end !== undefined);

/** The evidence from the history of `ref` (default HEAD); undefined outside a git repository or before the first commit. */
export async function offboardingEvidence(root: string, inv: Inventory, today: IsoDate, ref = 'HEAD'): Promise<Offboarding | undefined> {
  const head = (await gitText(root, ['rev-parse', '--verify', '-q', `${ref}^{commit}`]).catch(() => '')).trim();
  if (!head) return undefined;
  const tz = inv.org?.data.timezone;
  const timeZone = tz && isTimeZone(tz) ? tz : 'UTC';
  // Only people and seats can be about leavers: other files are not parsed (the parse cache keeps the rest cheap).
  const { events } = await history(root, { ref: head, timeZone, kinds: ['people', 'assignments'] });
  return offboarding(inv, events, today, timeZone);
}
