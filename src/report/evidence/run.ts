import { oldestFirst } from '../../analysis/evidence/changes.ts';
import { evidencePack, evidencePeriods, positionDay, type EvidencePack } from '../../analysis/evidence/index.ts';
import { offboarding, type Offboarding } from '../../analysis/offboarding/index.ts';
import type { Period } from '../../analysis/period/range.ts';
import { licensePosition, type Position } from '../../analysis/position.ts';
import type { HistoryEvent } from '../../history/history.ts';
import { dayIn } from '../../history/time.ts';
import { inventoriesAt } from '../../inventory/at-commit.ts';
import { resolveAt, RevisionError } from '../../inventory/git-source.ts';
import type { Inventory } from '../../inventory/model.ts';
import type { IsoDate } from '../../util/dates.ts';

export interface EvidenceInput {
  root: string;
  /** The commit the packs are built from (HEAD of the site or the CLI), its full ID. */
  head: string;
  /** The inventory at `head`, and its history events (any order). */
  inventory: Inventory;
  events: readonly HistoryEvent[];
  today: IsoDate;
  timeZone: string;
  /** The offboarding evidence as of today, when already computed from the same inventory and events. */
  offboarding?: Offboarding;
}

/** The periods with history: from the first commit's day to today. */
export function periodsWithHistory(i: EvidenceInput): Period[] {
  const first = i.events.reduce<string | undefined>((min, e) => (min === undefined || e.date < min ? e.date : min), undefined);
  return first === undefined ? [] : evidencePeriods(dayIn(new Date(first), i.timeZone), i.today, i.inventory.org?.data.fiscal_year_start);
}

/** The position on each day, from the commit in force at its end (null before the first commit); each commit read once, one inventory held at a time. */
async function positionsOn(i: EvidenceInput, days: IsoDate[]): Promise<Map<IsoDate, { commit: string; position: Position } | null>> {
  const out = new Map<IsoDate, { commit: string; position: Position } | null>();
  const inventory = inventoriesAt(i.root, { commit: i.head, inventory: i.inventory });
  for (const day of [...new Set(days)].sort()) {
    let commit: string;
    try {
      commit = (await resolveAt(i.root, day, { timeZone: i.timeZone, ref: i.head })).commit;
    } catch (e) {
      if (!(e instanceof RevisionError)) throw e;
      out.set(day, null); // no commit by then: no position
      continue;
    }
    out.set(day, { commit, position: licensePosition(await inventory(commit), day) });
  }
  return out;
}

/** Each period's pack; the position of each is read from the inventory as it stood at the end of its day (as `lac position --at`). */
export async function evidencePacks(i: EvidenceInput, periods: readonly Period[]): Promise<EvidencePack[]> {
  const off = i.offboarding ?? offboarding(i.inventory, i.events, i.today, i.timeZone);
  const positions = await positionsOn(i, periods.map((p) => positionDay(p, i.today)));
  const commits = oldestFirst(i.events);
  return periods.map((period) => {
    const at = positions.get(positionDay(period, i.today)) ?? null;
    return evidencePack({
      period, today: i.today, timeZone: i.timeZone, offboarding: off, events: i.events, commits,
      position: at?.position ?? null, asOfCommit: at?.commit ?? null, currency: i.inventory.org?.data.currency ?? 'USD',
    });
  });
}
