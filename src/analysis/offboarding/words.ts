import type { LeaverVerdict, SeatStatus, Share } from './types.ts';

/** How a seat's status reads in reports and on the site. */
export const SEAT_STATUS_TEXT: Record<SeatStatus, string> = {
  'removed-on-time': 'on time', 'removed-late': 'late', removed: 'removed',
  'held-overdue': 'overdue, still held', 'held-within': 'still held, within the deadline', held: 'still held',
};

/** How a leaver's verdict reads. */
export const VERDICT_TEXT: Record<LeaverVerdict, string> = {
  'on-time': 'on time', late: 'late', overdue: 'overdue', pending: 'pending', 'no-seats': 'no seats', removed: 'all removed', held: 'still holds seats',
};

/** "3/4 (75.0%)", or "—" when nobody was decided. */
export const shareText = (s: Share | null | undefined): string => (!s || s.percent === null ? '—' : `${s.onTime}/${s.decided} (${s.percent.toFixed(1)}%)`);
