import type { IsoDate } from '../../util/dates.ts';
import { dayNumber } from '../../util/dates.ts';
import type { PersonSpan, SeatSpan } from './holdings.ts';

/** Seat-days of one group (a person's department × cost centre at the time, a device, nobody) in a period. */
export interface Occupancy {
  /** person: the person, their department and cost centre during the days counted. */
  holder: { kind: 'person'; person: string; span: PersonSpan | undefined } | { kind: 'device' } | { kind: 'unassigned' };
  seatDays: number;
}

/** The person's span in force on a day number, and the day number the next one starts (Infinity: none). */
function spanAt(spans: PersonSpan[] | undefined, day: number): { span: PersonSpan | undefined; until: number } {
  if (!spans) return { span: undefined, until: Infinity };
  let k = 0;
  for (let i = 0; i < spans.length; i++) if (spans[i]!.from === '' || dayNumber(spans[i]!.from) <= day) k = i;
  const next = spans[k + 1];
  return { span: spans[k], until: next ? dayNumber(next.from) : Infinity };
}

/**
 * Who occupied a tier's seats (its spans) over [from, to]: seat-days per holder, and the seat-days bought
 * but held by nobody (`bought[d]`: seats the contract lines entitled on each day, null when not counted).
 */
export function occupancy(seats: readonly SeatSpan[], people: Map<string, PersonSpan[]>, from: IsoDate, to: IsoDate, bought: Array<number | null>): Occupancy[] {
  const d0 = dayNumber(from);
  const d1 = dayNumber(to);
  const held = new Array<number>(d1 - d0 + 2).fill(0);
  const out: Occupancy[] = [];
  for (const s of seats) {
    const a = Math.max(d0, dayNumber(s.from));
    const b = Math.min(d1, s.to === undefined ? d1 : dayNumber(s.to));
    if (b < a) continue;
    held[a - d0]! += 1;
    held[b - d0 + 1]! -= 1;
    if (s.device !== undefined) {
      out.push({ holder: { kind: 'device' }, seatDays: b - a + 1 });
      continue;
    }
    // Split at the person's department or cost-centre moves.
    for (let d = a; d <= b; ) {
      const { span, until } = spanAt(people.get(s.person!), d);
      const end = Math.min(b, until - 1);
      out.push({ holder: { kind: 'person', person: s.person!, span }, seatDays: end - d + 1 });
      d = end + 1;
    }
  }
  let spare = 0;
  let running = 0;
  for (let i = 0; i <= d1 - d0; i++) {
    running += held[i]!;
    const b = bought[i];
    if (b !== null && b !== undefined && b > running) spare += b - running;
  }
  if (spare > 0) out.push({ holder: { kind: 'unassigned' }, seatDays: spare });
  return out;
}
