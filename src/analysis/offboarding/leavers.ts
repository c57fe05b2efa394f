import type { HistoryEvent } from '../../history/history.ts';
import { dayIn } from '../../history/time.ts';
import type { Inventory } from '../../inventory/model.ts';
import { addDays, daysBetween, type IsoDate } from '../../util/dates.ts';
import { fiscalQuarterOf } from '../period/range.ts';
import { figure, recordSource, seatsSource, type Source } from '../report/source.ts';
import { heldOverdue, seatsHeldByLeavers, type HeldByLeaver } from './held.ts';
import { endsFromHistory, removalsByPerson, type Removal } from './removals.ts';
import type { FutureLeaver, LeaverEvidence, LeaverVerdict, OffboardedSeat } from './types.ts';

/**
 * A seat removed up to this many days before the last day is part of the leaver's offboarding
 * (removed early: days ≤ 0); one removed earlier was an ordinary change while they still worked here.
 */
export const LOOKBACK_DAYS = 30;

interface Leaver { id: string; name: string; end: IsoDate; from: Source[] }

/** Leavers with an end date: people.yaml's (status leaver), and those history recorded who have since been taken out of it. */
function leavers(inv: Inventory, events: readonly HistoryEvent[]): Leaver[] {
  const out: Leaver[] = [];
  for (const rec of inv.people.values()) {
    const p = rec.data;
    if (p.status === 'leaver' && p.end) out.push({ id: p.id, name: p.name, end: p.end, from: [recordSource(rec, ['end'], `${p.id} last day ${p.end}`)] });
  }
  for (const [id, { end, event }] of endsFromHistory(events)) {
    if (!inv.people.has(id)) out.push({ id, name: id, end, from: [{ file: event.file, what: `commit ${event.commit.slice(0, 12)}: ${id} last day ${end}` }] });
  }
  return out.sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : a.id < b.id ? -1 : 1));
}

const removalSource = (r: Removal, person: string): Source => ({
  file: r.event.file,
  what: `commit ${r.event.commit.slice(0, 12)} (${r.day})${r.event.pr === null ? '' : ` PR #${r.event.pr}`}: ${person} ${r.license} ${r.tier} seat removed`,
});

function removedSeat(r: Removal, l: Leaver, policy: number | null): OffboardedSeat {
  const days = daysBetween(l.end, r.day);
  const status = policy === null ? 'removed' : days <= policy ? 'removed-on-time' : 'removed-late';
  const by = [removalSource(r, l.id)];
  return { license: r.license, tier: r.tier, removal: figure({ on: r.day, commit: r.event.commit, pr: r.event.pr, author: r.event.author }, by), days: figure(days, l.from, by), status };
}

function heldSeat(h: HeldByLeaver, l: Leaver, today: IsoDate, policy: number | null): OffboardedSeat {
  const status = policy === null ? 'held' : heldOverdue(l.end, today, policy) ? 'held-overdue' : 'held-within';
  const seat = h.list.seats[h.i]!;
  return { license: h.list.license, tier: seat.tier, removal: null, days: figure(daysBetween(l.end, today), l.from, [seatsSource(h.list, h.i, `${l.id} ${h.list.license} ${seat.tier} seat still held`)]), status };
}

function verdict(seats: OffboardedSeat[]): LeaverVerdict {
  const has = (s: OffboardedSeat['status']) => seats.some((x) => x.status === s);
  if (seats.length === 0) return 'no-seats';
  if (has('held')) return 'held';
  if (has('removed')) return 'removed';
  return has('held-overdue') ? 'overdue' : has('held-within') ? 'pending' : has('removed-late') ? 'late' : 'on-time';
}

/** Each leaver whose last day has passed, with every seat's removal; and those whose last day is today or ahead. */
export function leaverEvidence(inv: Inventory, events: readonly HistoryEvent[], today: IsoDate, timeZone: string, policy: number | null): { leavers: LeaverEvidence[]; leaving: FutureLeaver[]; beforeHistory: FutureLeaver[] } {
  const all = leavers(inv, events);
  const removals = removalsByPerson(events, timeZone, new Set(all.map((l) => l.id)));
  const held = new Map<string, HeldByLeaver[]>();
  for (const h of seatsHeldByLeavers(inv)) held.set(h.person.id, [...(held.get(h.person.id) ?? []), h]);
  const fiscalStart = inv.org?.data.fiscal_year_start ?? '01-01';
  const out: LeaverEvidence[] = [];
  const leaving: FutureLeaver[] = [];
  const beforeHistory: FutureLeaver[] = [];
  const first = events.reduce<string | undefined>((min, e) => (min === undefined || e.date < min ? e.date : min), undefined);
  const firstDay = first === undefined ? undefined : dayIn(new Date(first), timeZone);
  for (const l of all) {
    // Still here on the last day (src/analysis/leaver.ts): not counted until it has passed.
    if (l.end >= today) {
      leaving.push({ person: l.id, name: l.name, end: l.end });
      continue;
    }
    // Gone before the first commit: which seats they held then is not recorded, so it is not evidence.
    if (firstDay === undefined || l.end < firstDay) {
      beforeHistory.push({ person: l.id, name: l.name, end: l.end });
      continue;
    }
    const seats = [
      ...(removals.get(l.id) ?? []).filter((r) => r.day >= addDays(l.end, -LOOKBACK_DAYS) && r.day <= today).map((r) => removedSeat(r, l, policy)),
      ...(held.get(l.id) ?? []).map((h) => heldSeat(h, l, today, policy)),
    ];
    const open = seats.some((s) => s.removal === null);
    const worst = seats.reduce<OffboardedSeat | undefined>((w, s) => (!w || s.days.value > w.days.value ? s : w), undefined);
    out.push({
      person: l.id, name: l.name, end: l.end, quarter: fiscalQuarterOf(l.end, fiscalStart).label, seats,
      allRemovedOn: open || seats.length === 0 ? null : seats.map((s) => s.removal!.value.on).sort().at(-1)!,
      worstDays: worst ? worst.days : null,
      verdict: verdict(seats), from: l.from,
    });
  }
  return { leavers: out, leaving, beforeHistory };
}
