// Reads from git history which seats merged reclaim pull requests freed, for "savings realised".
import { git, gitText } from '../git/run.ts';
import { tierPrices } from '../analysis/report/prices.ts';
import { fiscalYearStart, savingsRealised, type ReclaimChange, type SavingsRealised } from '../analysis/savings.ts';
import { dayIn } from '../history/time.ts';
import type { Inventory } from '../inventory/model.ts';
import { seatChanges, seatLines } from '../reclaim/seats-diff.ts';
import { RECLAIM_TRAILER } from '../reclaim/trailer.ts';
import { addDays, isTimeZone, type IsoDate } from '../util/dates.ts';

const TRAILER = new RegExp(`^${RECLAIM_TRAILER}:\\s*([a-z0-9][a-z0-9._-]*)\\s*$`, 'gim');

/** License IDs named by reclaim trailers in a commit message. */
export function reclaimTrailers(message: string): string[] {
  return [...new Set([...message.matchAll(TRAILER)].map((m) => m[1]!))].sort();
}

/**
 * Seat changes that reclaim commits brought onto the current branch since `since`: each commit on
 * the first-parent line that is a reclaim commit (squash or fast-forward) or merges one, diffed
 * against its first parent, so that a line a person restored before the merge is not counted.
 */
export async function reclaimChanges(root: string, since: IsoDate, timeZone: string, only?: string): Promise<ReclaimChange[] | undefined> {
  const head = await gitText(root, ['rev-parse', '--verify', '-q', 'HEAD']).catch(() => '');
  if (!head) return undefined;
  const log = await gitText(root, ['log', '--first-parent', `--since=${addDays(since, -1)}T00:00:00Z`, '--format=%H%x1f%P%x1f%cI%x1f%B%x1e', 'HEAD']);
  const out: ReclaimChange[] = [];
  for (const entry of log.split('\x1e')) {
    const [commit, parents, date, message] = entry.replace(/^\n/, '').split('\x1f');
    if (!commit || !date) continue;
    const day = dayIn(new Date(date), timeZone);
    if (day < since) continue;
    const [first, second] = (parents ?? '').split(' ').filter(Boolean);
    if (!first) continue;
    let licenses = reclaimTrailers(message ?? '');
    if (second) licenses = [...new Set([...licenses, ...reclaimTrailers(await gitText(root, ['log', '--format=%B', `${first}..${second}`]))])];
    for (const license of licenses) {
      if (only !== undefined && license !== only) continue;
      const file = `inventory/assignments/${license}.yaml`;
      const show = (rev: string) => git(root, ['cat-file', 'blob', `${rev}:${file}`]).then((b) => b.toString('utf8'), () => undefined);
      const changes = seatChanges(seatLines(await show(first)), seatLines(await show(commit)));
      for (const c of changes) out.push({ commit, date: day, license, file, holder: c.holder, tier: c.tier, ...(c.to ? { to: c.to } : {}) });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.license < b.license ? -1 : a.license > b.license ? 1 : a.holder < b.holder ? -1 : 1));
}

/** Savings realised this (fiscal) year, priced at today's prices; undefined outside a git repository. */
export async function realisedSavings(root: string, inv: Inventory, today: IsoDate, license?: string): Promise<SavingsRealised | undefined> {
  const tz = inv.org?.data.timezone;
  const since = fiscalYearStart(today, inv.org?.data.fiscal_year_start);
  const changes = await reclaimChanges(root, since, tz && isTimeZone(tz) ? tz : 'UTC', license);
  if (!changes) return undefined;
  return savingsRealised(changes.filter((c) => c.date <= today), tierPrices(inv, today), since, inv.org?.data.currency ?? 'EUR');
}
