// Who will hold the seats: the holdings the report charges by, with the known people changes
// ahead. A leaver's seat is held until their end date (then it is spare, charged to "unassigned"
// like any seat bought and held by nobody); a joiner holds the seats access policies grant from their start date.
import type { Inventory } from '../../inventory/model.ts';
import type { IsoDate } from '../../util/dates.ts';
import { memoize } from '../../util/memo.ts';
import type { Holdings, SeatSpan } from '../period/holdings.ts';
import { joinerSeats, leavingOn } from './people.ts';

/** The holdings with the seats of known leavers ending on their end date and known joiners' granted seats added from their start. */
export function futureHoldings(inv: Inventory, holdings: Holdings, today: IsoDate): Holdings {
  // A person holds ten seats on average: their leaving day is looked up once.
  const endOf = memoize((person: string | undefined) => leavingOn(inv, person, today));
  const seats: SeatSpan[] = holdings.seats.map((s) => {
    const end = s.to === undefined ? endOf(s.person) : undefined;
    return end === undefined ? s : { ...s, to: end };
  });
  for (const j of joinerSeats(inv, today)) seats.push({ license: j.license, tier: j.tier, person: j.person, from: j.start, to: j.end });
  return { ...holdings, seats };
}
