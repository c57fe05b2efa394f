import { contractsInForce } from '../../analysis/entitlement.ts';
import { inventoriesAt, type InventoryOf } from '../../inventory/at-commit.ts';
import { resolveAt } from '../../inventory/git-source.ts';
import { addDays, addMonths, daysInMonth, type IsoDate } from '../../util/dates.ts';
import { licenseFigures } from './figures.ts';
import { dec } from './money.ts';
import type { Inventory } from '../../inventory/model.ts';
import type { CachedSnapshot, SnapshotCache } from './snapshot-cache.ts';
import type { Snapshot } from './types.ts';

/**
 * Point-in-time pages list every seat up to this many; a large organization's lists at 16 dates
 * would make the site data several hundred megabytes, so above it the pages keep the counts per license.
 */
export const SEAT_LIST_LIMIT = 20_000;

/** The days an auditor asks about: each month end of the last 12 months, and each fiscal year end since `first`. */
export function snapshotDates(today: IsoDate, fiscalYearStart: string, first: IsoDate): { date: IsoDate; kind: Snapshot['kind'] }[] {
  const out = new Map<IsoDate, Snapshot['kind']>();
  for (let i = 1; i <= 12; i++) {
    const d = addMonths(`${today.slice(0, 8)}01`, -i);
    const end = `${d.slice(0, 8)}${String(daysInMonth(Number(d.slice(0, 4)), Number(d.slice(5, 7)))).padStart(2, '0')}`;
    if (end >= first) out.set(end, 'month-end');
  }
  for (let y = Number(first.slice(0, 4)); y <= Number(today.slice(0, 4)) + 1; y++) {
    const end = addDays(`${y}-${fiscalYearStart}`, -1);
    if (end >= first && end < today) out.set(end, 'fiscal-year-end');
  }
  return [...out].map(([date, kind]) => ({ date, kind })).sort((a, b) => (a.date < b.date ? -1 : 1));
}

/**
 * The inventory as of each day, read from the commit in force at the end of that day (org time zone); `known`: the
 * inventory at a commit, loaded already; `cache`: the days computed by earlier builds, by commit (./snapshot-cache.ts).
 */
export async function snapshots(root: string, head: string, days: { date: IsoDate; kind: Snapshot['kind'] }[], timeZone: string, known?: InventoryOf, cache?: SnapshotCache): Promise<Snapshot[]> {
  const inventory = inventoriesAt(root, known);
  const out: Snapshot[] = [];
  // Each commit's cached days, and whether a day was added to them.
  const cached = new Map<string, { days: Map<string, CachedSnapshot>; added: boolean }>();
  for (const { date, kind } of days) {
    let at;
    try {
      at = await resolveAt(root, date, { timeZone, ref: head });
    } catch {
      continue; // before the first commit
    }
    let c = cached.get(at.commit);
    if (!c) cached.set(at.commit, (c = { days: (await cache?.read(at.commit)) ?? new Map(), added: false }));
    let s = c.days.get(date);
    if (!s) {
      s = snapshotAt(await inventory(at.commit), date, at);
      c.days.set(date, s);
      c.added = true;
    }
    out.push({ date, kind, commit: at.commit, commitDate: at.date, licenses: s.licenses, contracts: s.contracts, seats: s.seats, seatCount: s.seatCount, annualCost: s.annualCost });
  }
  for (const [commit, c] of cached) if (c.added) await cache?.write(commit, c.days);
  await cache?.keepOnly(new Set(cached.keys()));
  return out;
}

/** One day's view from the inventory at the commit in force then. */
function snapshotAt(inv: Inventory, date: IsoDate, at: { commit: string; date: string }): CachedSnapshot {
  // Above the limit the seats are only counted: a million rows made at each of 16 days, to be dropped, were seconds and hundreds of megabytes each.
  // No departments and cost centres either: a day's view shows the licenses' figures and the total (1.4 s of 5 at 100,000 people).
  const fig = licenseFigures(inv, date, { seatRowsUpTo: SEAT_LIST_LIMIT, chargeback: false });
  return {
    date, commit: at.commit, commitDate: at.date,
    licenses: fig.licenses,
    contracts: contractsInForce(inv, date).map((c) => c.data.id).sort(),
    seats: fig.seats,
    seatCount: fig.seatCount,
    annualCost: dec(inv, fig.report.totals.annualCost.value),
  };
}
