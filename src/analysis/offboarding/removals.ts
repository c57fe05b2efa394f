import type { HistoryEvent } from '../../history/history.ts';
import { dayOfInstant } from '../../history/time.ts';
import type { IsoDate } from '../../util/dates.ts';

/** A seat a person gave up, by the commit that removed it. */
export interface Removal {
  license: string;
  tier: string;
  /** Commit date in the org time zone. */
  day: IsoDate;
  event: HistoryEvent;
}

/** Each person's seat removals (`seat.removed`; a downgrade keeps the seat, so it is no removal), from events oldest or newest first. */
export function removalsByPerson(events: readonly HistoryEvent[], timeZone: string, people: ReadonlySet<string>): Map<string, Removal[]> {
  const out = new Map<string, Removal[]>();
  const dayOf = dayOfInstant(timeZone);
  for (const e of events) {
    if (e.type !== 'seat.removed' || e.person === undefined || !people.has(e.person)) continue;
    const list = out.get(e.person) ?? [];
    list.push({ license: e.license!, tier: String(e.details.tier ?? ''), day: dayOf(e.date), event: e });
    out.set(e.person, list);
  }
  for (const list of out.values()) list.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.license < b.license ? -1 : a.license > b.license ? 1 : 0));
  return out;
}

/** Leavers' end dates as history last recorded them (for people since taken out of people.yaml). */
export function endsFromHistory(events: readonly HistoryEvent[]): Map<string, { end: IsoDate; event: HistoryEvent }> {
  const out = new Map<string, { end: IsoDate; event: HistoryEvent }>();
  for (const e of [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    if (e.person === undefined) continue;
    const d = e.details;
    if ((e.type === 'person.left' || (e.type === 'person.removed' && d.status === 'leaver')) && typeof d.end === 'string') out.set(e.person, { end: d.end, event: e });
    else if (e.type === 'person.changed' && d.field === 'end' && typeof d.to === 'string' && out.has(e.person)) out.set(e.person, { end: d.to, event: e });
    else if (e.type === 'person.changed' && d.field === 'status' && d.to !== 'leaver') out.delete(e.person);
  }
  return out;
}
