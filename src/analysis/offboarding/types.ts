import type { IsoDate } from '../../util/dates.ts';
import type { Figure, Source } from '../report/source.ts';

/**
 * One seat of a leaver: removed (by which commit, how many days after the end date) or still held.
 * `removed` and `held` are the states without a policy (no `policies.offboarding.removal_days`).
 */
export type SeatStatus = 'removed-on-time' | 'removed-late' | 'removed' | 'held-overdue' | 'held-within' | 'held';

/** The commit that removed a seat. */
export interface Removed {
  /** The day it landed (commit date in the org time zone). */
  on: IsoDate;
  commit: string;
  pr: number | null;
  author: string;
}

export interface OffboardedSeat {
  license: string;
  tier: string;
  /** From the removal commit; null while the seat is held. */
  removal: Figure<Removed> | null;
  /** Calendar days from the end date to the removal (≤ 0: removed by the last day), or to today while held; from the end date and the commit (or the seat's line). */
  days: Figure<number>;
  status: SeatStatus;
}

/**
 * A leaver's outcome: `on-time` — every seat went within the policy's days; `late` — all went, one
 * after the deadline; `overdue` — a seat is still held after it; `pending` — a seat is held and the
 * deadline is ahead; `no-seats` — held no seat (trivially on time); `removed` / `held` — no policy.
 */
export type LeaverVerdict = 'on-time' | 'late' | 'overdue' | 'pending' | 'no-seats' | 'removed' | 'held';

export interface LeaverEvidence {
  person: string;
  name: string;
  /** Last day (people.yaml `end`). */
  end: IsoDate;
  /** The fiscal quarter of the end date ("FY2026-Q2"). */
  quarter: string;
  seats: OffboardedSeat[];
  /** The day the last seat went; null while one is held, or when there were none. */
  allRemovedOn: IsoDate | null;
  /** The most days of any seat; null without seats. */
  worstDays: Figure<number> | null;
  verdict: LeaverVerdict;
  /** The end date's line in people.yaml (or the commit that recorded it). */
  from: Source[];
}

/** A leaver who is not counted: their last day is today or ahead, or before the history begins. */
export interface FutureLeaver {
  person: string;
  name: string;
  end: IsoDate;
}

/** On-time leavers of the decided ones (on time, late, overdue); pending leavers wait for their deadline. */
export interface Share {
  onTime: number;
  decided: number;
  /** One decimal; null when nobody was decided. */
  percent: number | null;
}

export interface QuarterTimeliness {
  quarter: string;
  from: IsoDate;
  to: IsoDate;
  leavers: Figure<number>;
  /** All seats gone within the policy's days, those with no seats included. */
  onTime: Figure<number>;
  noSeats: Figure<number>;
  late: Figure<number>;
  overdue: Figure<number>;
  pending: Figure<number>;
  /** Null without a policy. */
  share: Figure<Share> | null;
}

export interface Offboarding {
  today: IsoDate;
  timeZone: string;
  /** `policies.offboarding.removal_days`; null: no policy (days are listed, no verdicts). */
  removalDays: Figure<number> | null;
  /** Which seats count and how days are counted, as the report states it. */
  method: string;
  leavers: LeaverEvidence[];
  leaving: FutureLeaver[];
  /** Left before the first commit: their seats then are not in the history, so they are not counted. */
  beforeHistory: FutureLeaver[];
  quarters: QuarterTimeliness[];
}
