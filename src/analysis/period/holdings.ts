import type { HistoryEvent } from '../../history/history.ts';
import { dayOfInstant } from '../../history/time.ts';
import type { Inventory } from '../../inventory/model.ts';
import { addDays, isIsoDate, type IsoDate } from '../../util/dates.ts';
import { memoize } from '../../util/memo.ts';

/** One seat held by one holder in one tier over a span of days (`to` included; undefined: still held). */
export interface SeatSpan {
  license: string;
  tier: string;
  person?: string;
  device?: string;
  from: IsoDate;
  to: IsoDate | undefined;
}

/** A person's department and cost centre from a day on (until the next span's day). */
export interface PersonSpan {
  /** '' for "since ever". */
  from: IsoDate;
  department: string | undefined;
  costCentre: string | undefined;
}

/** Who held which seat on each day, and who belonged where. */
export interface Holdings {
  /** 'history' when read from git history, 'assignments' when only today's assignments (with their `since`) are known. */
  basis: 'history' | 'assignments';
  seats: SeatSpan[];
  /** Spans per person, oldest first; a person with none belongs where people.yaml says today. */
  people: Map<string, PersonSpan[]>;
}

/** Holdings from today's assignments only: each seat held from its `since` on, nobody moved. */
export function currentHoldings(inv: Inventory): Holdings {
  const seats: SeatSpan[] = [];
  for (const [license, list] of inv.assignments) {
    for (const s of list.seats) seats.push({ license, tier: s.tier, ...(s.person ? { person: s.person } : { device: s.device! }), from: s.since, to: undefined });
  }
  return { basis: 'assignments', seats, people: new Map() };
}

/**
 * Holdings from the inventory's history (oldest event first): a seat is held from its `since`
 * (else the day it was added) to the day before the commit that removed it; a tier change or a
 * department or cost-centre change takes effect on the day of its commit (org time zone).
 */
export function historyHoldings(inv: Inventory, events: readonly HistoryEvent[], timeZone: string): Holdings {
  const open = new Map<string, SeatSpan>();
  const seats: SeatSpan[] = [];
  // An initial import is a million events of one commit: its day, and the day before, are computed once.
  const dayOf = dayOfInstant(timeZone);
  const dayBefore = memoize((day: IsoDate) => addDays(day, -1));
  const close = (key: string, day: IsoDate) => {
    const s = open.get(key);
    if (!s) return;
    open.delete(key);
    const to = dayBefore(day);
    if (to >= s.from) seats.push({ ...s, to });
  };
  const changes = new Map<string, Array<{ day: IsoDate; field: 'department' | 'costCentre'; from: string | undefined; to: string | undefined }>>();
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  // Oldest first; events of one second keep their commit order whichever way the list came (git log is newest first).
  const chronological = events.length > 1 && events[0]!.date > events[events.length - 1]!.date ? [...events].reverse() : [...events];
  for (const e of chronological.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    const day = dayOf(e.date);
    if (e.type.startsWith('seat.') && e.license) {
      const holder = e.device !== undefined ? { device: e.device } : { person: e.person! };
      const key = `${e.license}\u0000${e.device !== undefined ? `d:${e.device}` : `p:${e.person}`}`;
      const d = e.details;
      if (e.type === 'seat.assigned') {
        close(key, day);
        const since = str(d.since);
        open.set(key, { license: e.license, tier: String(d.tier), ...holder, from: since && isIsoDate(since) ? since : day, to: undefined });
      } else if (e.type === 'seat.removed') close(key, day);
      else if (e.type === 'seat.tier-changed' && open.has(key)) {
        const s = open.get(key)!;
        close(key, day);
        open.set(key, { ...s, tier: String(d.to), from: day });
      }
    } else if (e.type === 'person.changed' && e.person && (e.details.field === 'department' || e.details.field === 'cost_centre')) {
      const list = changes.get(e.person) ?? [];
      list.push({ day, field: e.details.field === 'department' ? 'department' : 'costCentre', from: str(e.details.from), to: str(e.details.to) });
      changes.set(e.person, list);
    }
  }
  for (const s of open.values()) seats.push(s);
  // A seat held today that history does not show as added (history cut short) is held from its `since`.
  for (const [license, list] of inv.assignments) {
    for (const x of list.seats) {
      if (!open.has(`${license}\u0000${x.device !== undefined ? `d:${x.device}` : `p:${x.person}`}`)) seats.push({ license, tier: x.tier, ...(x.person ? { person: x.person } : { device: x.device! }), from: x.since, to: undefined });
    }
  }
  const people = new Map<string, PersonSpan[]>();
  for (const [person, list] of changes) {
    const first = (field: 'department' | 'costCentre') => list.find((c) => c.field === field);
    const now = inv.people.get(person)?.data;
    let state: PersonSpan = { from: '', department: first('department') ? first('department')!.from : now?.department, costCentre: first('costCentre') ? first('costCentre')!.from : now?.cost_centre };
    const spans = [state];
    for (const c of list) {
      state = { ...state, from: c.day, [c.field]: c.to };
      if (spans[spans.length - 1]!.from === c.day) spans[spans.length - 1] = state;
      else spans.push(state);
    }
    people.set(person, spans);
  }
  return { basis: 'history', seats, people };
}
