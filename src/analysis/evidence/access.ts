import type { HistoryEvent } from '../../history/history.ts';
import type { Offboarding } from '../offboarding/index.ts';
import { SEAT_STATUS_TEXT, VERDICT_TEXT } from '../offboarding/words.ts';
import type { Period } from '../period/range.ts';
import { changeRef } from './changes.ts';
import type { AccessRow } from './types.ts';

/**
 * Control (a): every leaver whose last day is in the period, one row per seat, as the offboarding
 * evidence has it (src/analysis/offboarding), with the review record of each removal's commit.
 */
export function accessRemoval(o: Offboarding, events: readonly HistoryEvent[], period: Period): AccessRow[] {
  const byCommit = new Map(events.map((e) => [e.commit, e]));
  const rows: AccessRow[] = [];
  for (const l of o.leavers) {
    if (l.end < period.from || l.end > period.to) continue;
    const base = { person: l.person, name: l.name, end: l.end, verdict: VERDICT_TEXT[l.verdict] };
    if (l.seats.length === 0) rows.push({ ...base, seat: null, removal: null, days: null, status: VERDICT_TEXT[l.verdict], file: l.from[0]?.file ?? '', line: l.from[0]?.line ?? null });
    for (const s of l.seats) {
      const r = s.removal?.value;
      const event = r ? byCommit.get(r.commit) : undefined;
      // A removal's source names its commit; a held seat's names its line in the assignments file.
      const where = (r ? s.removal!.from : s.days.from).find((x) => x.file.includes('/assignments/')) ?? s.days.from[0];
      rows.push({
        ...base, seat: { license: s.license, tier: s.tier },
        removal: r ? (event ? changeRef(event, o.timeZone) : { commit: r.commit, on: r.on, pr: r.pr, author: r.author, approval: null }) : null,
        days: s.days.value, status: SEAT_STATUS_TEXT[s.status], file: where?.file ?? '', line: r ? null : (where?.line ?? null),
      });
    }
  }
  return rows;
}
