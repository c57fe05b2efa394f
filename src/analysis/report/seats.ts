import type { Inventory, SeatList } from '../../inventory/model.ts';
import type { License, Person } from '../../inventory/schema/index.ts';
import type { IsoDate } from '../../util/dates.ts';
import { seatActivity, type SeatActivity } from '../activity.ts';
import { reclaimPolicy, type EffectiveReclaim } from '../policy.ts';

/** How a seat counts in the report: used, unused, or not known (no snapshot, a device, no activity data). */
export type SeatUse = 'active' | 'inactive' | 'unknown';

export interface SeatView extends SeatActivity {
  person: Person | undefined;
  /** The holder has left (status leaver with no end date, or an end date before today). */
  left: boolean;
  use: SeatUse;
}

/** True when a person has left by `today`. */
export function hasLeft(person: Person | undefined, today: IsoDate): boolean {
  if (!person) return false;
  if (person.end !== undefined) return person.end < today;
  return person.status === 'leaver';
}

/**
 * Every seat of a license with its activity per the latest snapshot and the license's inactivity
 * policy. A seat of someone who has left counts as inactive whatever the snapshot says.
 */
export function seatViews(inv: Inventory, license: License, list: SeatList | undefined, today: IsoDate, policy: EffectiveReclaim = reclaimPolicy(inv.org?.data, license)): SeatView[] {
  if (!list) return [];
  const usage = inv.usage.get(license.id)?.data;
  // The activity records are fresh: extend them in place rather than copy 1,000,000 objects.
  return seatActivity(list, usage, policy.inactive_days, today).map((a) => {
    const v = a as SeatView;
    v.person = a.seat.person ? inv.people.get(a.seat.person)?.data : undefined;
    v.left = hasLeft(v.person, today);
    v.use = v.left ? 'inactive' : a.state === 'active' ? 'active' : a.state === 'unknown' ? 'unknown' : 'inactive';
    return v;
  });
}
