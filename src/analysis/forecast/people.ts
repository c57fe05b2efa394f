// The people changes known today: who is leaving (an end date ahead) and who is joining (a start
// date ahead) with the seats access policies will grant them.
import type { Inventory } from '../../inventory/model.ts';
import type { IsoDate } from '../../util/dates.ts';
import { grantedSeats, policiesOf } from '../access.ts';
import { leaverStatus } from '../leaver.ts';

/** A person's last day when it lies on or after today and they have not left; else undefined. */
export function leavingOn(inv: Inventory, person: string | undefined, today: IsoDate): IsoDate | undefined {
  const p = person === undefined ? undefined : inv.people.get(person)?.data;
  return p?.end !== undefined && p.end >= today && leaverStatus(p, today)?.state !== 'left' ? p.end : undefined;
}

/** A seat a joiner will need: granted by an access policy, of a license they hold no seat of yet. */
export interface JoinerSeat {
  person: string;
  license: string;
  tier: string;
  start: IsoDate;
  end: IsoDate | undefined;
}

/** The seats of people starting after today, from the access policies (src/analysis/access.ts). */
export function joinerSeats(inv: Inventory, today: IsoDate): JoinerSeat[] {
  const joiners = [...inv.people.values()].map((r) => r.data).filter((p) => p.start !== undefined && p.start > today && p.status !== 'leaver');
  if (joiners.length === 0) return [];
  // Only the joiners' own seats are looked up: a million seats of others need no key each.
  const ids = new Set(joiners.map((p) => p.id));
  const holds = new Set<string>();
  for (const [license, list] of inv.assignments) for (const s of list.seats) if (s.person !== undefined && ids.has(s.person)) holds.add(`${s.person}\0${license}`);
  const policies = policiesOf(inv);
  const out: JoinerSeat[] = [];
  for (const p of joiners) {
    for (const g of grantedSeats(policies, p)) if (!holds.has(`${p.id}\0${g.license}`)) out.push({ person: p.id, license: g.license, tier: g.tier!, start: p.start!, end: p.end });
  }
  return out;
}
