import { evidencePack, evidencePeriods, positionDay, type EvidencePack } from '../../analysis/evidence/index.ts';
import { offboarding, type Offboarding } from '../../analysis/offboarding/index.ts';
import type { Period } from '../../analysis/period/range.ts';
import { licensePosition } from '../../analysis/position.ts';
import type { HistoryEvent } from '../../history/history.ts';
import { dayIn } from '../../history/time.ts';
import { gitSource, resolveAt, RevisionError } from '../../inventory/git-source.ts';
import { loadInventory } from '../../inventory/load.ts';
import type { Inventory } from '../../inventory/model.ts';
import type { IsoDate } from '../../util/dates.ts';

export interface EvidenceInput {
  root: string;
  /** The commit the packs are built from (HEAD of the site or the CLI). */
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

/** Each period's pack; the position of each is read from the inventory as it stood at the end of its day (as `lac position --at`). */
export async function evidencePacks(i: EvidenceInput, periods: readonly Period[]): Promise<EvidencePack[]> {
  const off = i.offboarding ?? offboarding(i.inventory, i.events, i.today, i.timeZone);
  const loaded = new Map<string, Promise<Inventory>>();
  const out: EvidencePack[] = [];
  for (const period of periods) {
    const day = positionDay(period, i.today);
    let commit: string | null = null;
    try {
      commit = (await resolveAt(i.root, day, { timeZone: i.timeZone, ref: i.head })).commit;
    } catch (e) {
      if (!(e instanceof RevisionError)) throw e; // no commit by then: no position
    }
    if (commit && !loaded.has(commit)) {
      // A year ends with its last quarter: keep the last two inventories, not every period's.
      if (loaded.size >= 2) loaded.delete(loaded.keys().next().value!);
      loaded.set(commit, loadInventory(gitSource(i.root, commit)).then((l) => l.inventory));
    }
    const inv = commit ? await loaded.get(commit)! : null;
    out.push(evidencePack({
      period, today: i.today, timeZone: i.timeZone, offboarding: off, events: i.events,
      position: inv ? licensePosition(inv, day) : null, asOfCommit: commit, currency: i.inventory.org?.data.currency ?? 'USD',
    }));
  }
  return out;
}
