// The offboarding block of `lac history --person`: one leaver's seats, each removal's commit and days.
import type { FutureLeaver, LeaverEvidence, Offboarding } from '../analysis/offboarding/index.ts';
import { SEAT_STATUS_TEXT, VERDICT_TEXT } from '../analysis/offboarding/words.ts';
import { textTable } from './table.ts';

/** One person's part of the evidence: as a leaver whose last day has passed, or as leaving on a day ahead. */
export interface PersonOffboarding {
  removalDays: number | null;
  leaver: LeaverEvidence | null;
  leaving: FutureLeaver | null;
}

/** The person's entry, or undefined when they are no leaver. */
export function personOffboarding(o: Offboarding, person: string): PersonOffboarding | undefined {
  const leaver = o.leavers.find((l) => l.person === person) ?? null;
  const leaving = o.leaving.find((l) => l.person === person) ?? null;
  return leaver || leaving ? { removalDays: o.removalDays?.value ?? null, leaver, leaving } : undefined;
}

/** The text block printed after the person's events. */
export function personOffboardingText(p: PersonOffboarding): string {
  if (p.leaving) return `\nOffboarding: ${p.leaving.person} leaves on ${p.leaving.end}; not counted until that day has passed.\n`;
  const l = p.leaver!;
  const policy = p.removalDays === null ? 'no removal deadline in org.yaml' : `seats go within ${p.removalDays} days`;
  const rows = l.seats.map((s) => {
    const r = s.removal?.value;
    return [s.license, s.tier, r?.on ?? 'still held', r ? r.commit.slice(0, 8) : '', r?.pr ? `#${r.pr}` : '', String(s.days.value), SEAT_STATUS_TEXT[s.status]];
  });
  const outcome = l.allRemovedOn ? `; the last seat went on ${l.allRemovedOn}` : '';
  return [
    `\nOffboarding of ${l.person} (${l.name}): last day ${l.end} (${l.quarter}); ${policy}\n`,
    rows.length ? textTable(['license', 'tier', 'removed on', 'commit', 'PR', 'days', 'status'], rows) : '  held no seat\n',
    `Verdict: ${VERDICT_TEXT[l.verdict]}${outcome}${l.worstDays ? `; most days ${l.worstDays.value}` : ''}\n`,
  ].join('');
}
