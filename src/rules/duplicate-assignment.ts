import { seatLoc, type SeatList } from '../inventory/model.ts';
import type { Seat } from '../inventory/schema/index.ts';
import { whoById } from './describe.ts';
import { seatRule } from './seat-walk.ts';

/**
 * Keyed by person, and separately by device, within one license's file, whatever the tiers.
 * Applies to every license type: on a site, concurrent or usage-based license a second line for
 * the same holder costs nothing extra, but it is still a copy that drifts (two `since` dates,
 * two tiers), so it is reported there too.
 */
export const duplicateAssignment = seatRule({
  id: 'duplicate-assignment',
  severity: 'error',
  doc: 'One person (or device) holds two seats of the same license: a seat paid for twice, or a tier change that kept the old line.',
  visit({ inv, holders }, emit) {
    // Known people by their number: the list each was last seen in and where, side by side (one cache line).
    const seen = new Int32Array(holders.count * 2);
    let listNo = 0;
    // Devices, and person IDs missing from people.yaml, by ID within the current file.
    let first = { person: new Map<string, number>(), device: new Map<string, number>() };
    const report = (list: SeatList, seat: Seat, i: number, j: number, field: 'person' | 'device', id: string) => {
      const earlier = list.seats[j]!;
      const holder = field === 'person' ? whoById(inv, id) : `device ${id}`;
      emit({
        loc: seatLoc(list, i, field),
        message: `${holder} holds a second ${list.license} seat (${seat.tier} since ${seat.since}); the first is on line ${seatLoc(list, j).line} (${earlier.tier} since ${earlier.since})`,
        hint: seat.tier === earlier.tier ? 'remove one of the two lines' : 'keep one line, with the tier they need',
      });
    };
    const byId = (list: SeatList, seat: Seat, i: number, field: 'person' | 'device', id: string) => {
      const j = first[field].get(id);
      if (j === undefined) first[field].set(id, i);
      else report(list, seat, i, j, field, id);
    };
    return {
      list(list, holder) {
        listNo++;
        if (first.person.size > 0 || first.device.size > 0) first = { person: new Map(), device: new Map() };
        for (let i = 0; i < holder.length; i++) {
          const h = holder[i]!;
          const seat = list.seats[i]!;
          if (h >= 0) {
            if (seen[2 * h] === listNo) report(list, seat, i, seen[2 * h + 1]!, 'person', seat.person!);
            else {
              seen[2 * h] = listNo;
              seen[2 * h + 1] = i;
            }
          } else if (seat.person !== undefined) byId(list, seat, i, 'person', seat.person);
          if (seat.device !== undefined) byId(list, seat, i, 'device', seat.device);
        }
      },
    };
  },
});
