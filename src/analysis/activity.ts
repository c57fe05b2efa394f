import type { Account, Seat, Usage } from '../inventory/schema/index.ts';
import { daysBetween, type IsoDate } from '../util/dates.ts';

/**
 * How a seat is used, per the latest snapshot (each a state of its own, issue 11):
 * active — activity within the threshold (or a seat younger than it, not used yet);
 * inactive — no activity for longer; never — the vendor says the account was never used;
 * suspended / deactivated — the vendor account is disabled (deactivated: deprovisioned);
 * cancelling — the seat is already cancelled at the vendor and ends on `pending_cancellation`;
 * no-account — the vendor has no account for the holder; unknown — no snapshot, a device, or
 * the vendor does not report activity.
 */
export type SeatState = 'active' | 'inactive' | 'never' | 'suspended' | 'deactivated' | 'cancelling' | 'no-account' | 'unknown';

/** How a seat counts in figures: in use, idle (a cost to act on), already cancelled, or not known. */
export type SeatUse = 'active' | 'inactive' | 'cancelling' | 'unknown';

export interface SeatActivity {
  seat: Seat;
  /** Index into the SeatList's `seats`. */
  i: number;
  account?: Account;
  /** Index of the account in the snapshot's `accounts`, for locating it. */
  accountIndex?: number;
  lastActive: IsoDate | null | undefined;
  daysInactive: number | undefined;
  state: SeatState;
}

export type AccountsByPerson = ReadonlyMap<string, { account: Account; index: number }>;

/** Accounts of a snapshot by the person they were matched to (first account wins). */
export function accountsByPerson(usage: Usage): AccountsByPerson {
  let out = BY_PERSON.get(usage);
  if (!out) BY_PERSON.set(usage, (out = byPersonOf(usage)));
  return out;
}

// A snapshot is not changed once read, and a past commit's inventory shares the snapshots that did not change since
// (inventory/parsed-files.ts): each is indexed once, not once per license per day of the site's views.
const BY_PERSON = new WeakMap<Usage, AccountsByPerson>();

function byPersonOf(usage: Usage): Map<string, { account: Account; index: number }> {
  const out = new Map<string, { account: Account; index: number }>();
  usage.accounts.forEach((account, index) => {
    if (account.person && !out.has(account.person)) out.set(account.person, { account, index });
  });
  return out;
}

/** The use a state counts as in every figure; a holder who has left makes any seat idle. */
export function useOf(state: SeatState, left: boolean): SeatUse {
  if (left) return 'inactive';
  if (state === 'active' || state === 'unknown' || state === 'cancelling') return state;
  return 'inactive';
}

/** The state of one account against an inactivity threshold: the one definition of active, idle and unknown. */
export function accountState(account: Account, since: IsoDate, inactiveDays: number, today: IsoDate): { state: SeatState; daysInactive: number | undefined } {
  if (account.pending_cancellation !== undefined) return { state: 'cancelling', daysInactive: undefined };
  const disabled = account.status === 'suspended' || account.status === 'deactivated' ? account.status : undefined;
  if (account.last_active === undefined) return { state: disabled ?? 'unknown', daysInactive: undefined };
  if (account.last_active === null) {
    const held = daysBetween(since, today);
    return { state: disabled ?? (held > inactiveDays ? 'never' : 'active'), daysInactive: held };
  }
  const days = Math.max(0, daysBetween(account.last_active, today));
  return { state: disabled ?? (days > inactiveDays ? 'inactive' : 'active'), daysInactive: days };
}

/** The activity of one seat (index i of its list) as of `today`; byPerson: the snapshot's accounts, undefined without a snapshot. */
export function seatActivityOf(seat: Seat, i: number, byPerson: AccountsByPerson | undefined, inactiveDays: number, today: IsoDate): SeatActivity {
  const hit = byPerson && seat.person ? byPerson.get(seat.person) : undefined;
  if (!hit) return { seat, i, account: undefined, accountIndex: undefined, lastActive: undefined, daysInactive: undefined, state: byPerson && seat.person ? 'no-account' : 'unknown' };
  const { account, index } = hit;
  const { state, daysInactive } = accountState(account, seat.since, inactiveDays, today);
  return { seat, i, account, accountIndex: index, lastActive: account.last_active, daysInactive, state };
}
