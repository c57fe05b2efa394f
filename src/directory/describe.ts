import type { Person } from '../inventory/schema/index.ts';
import type { ChangeKind, PeoplePlan, PersonChange } from './plan.ts';

/** "department: sales → marketing, title: ... " for one change. */
export function changeText(change: PersonChange): string {
  return Object.entries(change.patch)
    .map(([key, value]) => {
      const before = (change.before as unknown as Record<string, unknown>)[key];
      const show = (v: unknown) => (v === undefined ? '(none)' : Array.isArray(v) ? v.join(' ') : String(v));
      return `${key}: ${show(before)} → ${show(value)}`;
    })
    .join(', ');
}

/** A joiner in a few words: department, title, start. */
export function joinerText(p: Person): string {
  return [p.department, p.title, p.start ? `starts ${p.start}` : undefined, p.end ? `leaving on ${p.end}` : undefined].filter(Boolean).join(', ');
}

/** The changes of one kind. */
export const ofKind = (plan: PeoplePlan, ...kinds: ChangeKind[]): PersonChange[] => plan.changes.filter((c) => kinds.includes(c.kind));

/** A leaver in a few words: "left 2026-11-30" or "leaving on 2027-01-31". */
export const leaverText = (c: PersonChange): string => (c.kind === 'leaver' ? `left ${String(c.patch.end ?? c.before.end ?? '')}` : `leaving on ${String(c.patch.end)}`);
