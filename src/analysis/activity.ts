import type { SeatList } from '../inventory/model.ts';
import type { Account, Seat, Usage } from '../inventory/schema/index.ts';
import { daysBetween, type IsoDate } from '../util/dates.ts';

/**
 * How a seat is used, per the latest snapshot:
 * active — activity within the threshold; inactive — none for longer (or the account is disabled);
 * never — the vendor says the account was never used; no-account — the vendor has no account for
 * the holder; unknown — no snapshot, or the vendor does not report activity.
 */
export type SeatState = 'active' | 'inactive' | 'never' | 'no-account' | 'unknown';

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

/** Accounts of a snapshot by the person they were matched to (first account wins). */
export function accountsByPerson(usage: Usage): Map<string, { account: Account; index: number }> {
  const out = new Map<string, { account: Account; index: number }>();
  usage.accounts.forEach((account, index) => {
    if (account.person && !out.has(account.person)) out.set(account.person, { account, index });
  });
  return out;
}

const DISABLED = new Set(['suspended', 'deactivated']);

/** The activity of every seat of a license as of `today`, against an inactivity threshold in days. */
export function seatActivity(list: SeatList, usage: Usage | undefined, inactiveDays: number, today: IsoDate): SeatActivity[] {
  const byPerson = usage ? accountsByPerson(usage) : undefined;
  return list.seats.map((seat, i): SeatActivity => {
    const base = { seat, i, lastActive: undefined, daysInactive: undefined };
    if (!byPerson || !seat.person) return { ...base, state: 'unknown' };
    const hit = byPerson.get(seat.person);
    if (!hit) return { ...base, state: 'no-account' };
    const { account, index } = hit;
    const found = { ...base, account, accountIndex: index, lastActive: account.last_active };
    if (account.last_active === undefined) return { ...found, state: DISABLED.has(account.status ?? '') ? 'inactive' : 'unknown' };
    if (account.last_active === null) {
      const held = daysBetween(seat.since, today);
      return { ...found, daysInactive: held, state: held > inactiveDays || DISABLED.has(account.status ?? '') ? 'never' : 'active' };
    }
    const days = Math.max(0, daysBetween(account.last_active, today));
    const state = DISABLED.has(account.status ?? '') || days > inactiveDays ? 'inactive' : 'active';
    return { ...found, daysInactive: days, state };
  });
}
