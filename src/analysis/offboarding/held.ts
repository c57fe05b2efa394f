import type { Inventory, SeatList } from '../../inventory/model.ts';
import type { Person } from '../../inventory/schema/index.ts';
import { addDays, type IsoDate } from '../../util/dates.ts';

/** A seat that a person marked `leaver` with an end date still holds in the inventory. */
export interface HeldByLeaver {
  list: SeatList;
  /** Position in `list.seats`. */
  i: number;
  person: Person & { end: IsoDate };
}

/** Every seat held by a leaver with an end date, in file and line order. */
export function seatsHeldByLeavers(inv: Inventory): HeldByLeaver[] {
  const out: HeldByLeaver[] = [];
  for (const list of inv.assignments.values()) {
    list.seats.forEach((seat, i) => {
      const person = seat.person === undefined ? undefined : inv.people.get(seat.person)?.data;
      if (person?.end && person.status === 'leaver') out.push({ list, i, person: person as Person & { end: IsoDate } });
    });
  }
  return out;
}

/** The day by which a leaver's seats must be gone. */
export const removalDue = (end: IsoDate, removalDays: number): IsoDate => addDays(end, removalDays);

/** A seat still held on `today` is overdue once the due day has passed (the due day itself is in time). */
export const heldOverdue = (end: IsoDate, today: IsoDate, removalDays: number): boolean => removalDue(end, removalDays) < today;
