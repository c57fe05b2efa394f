// Applies the seat changes that are due (effective today or earlier, and covered by a free seat)
// to the assignments files: the lines of moved and removed seats change, new seats are appended.
import { editAssignments, type SeatEdit } from '../reclaim/edit.ts';
import type { IsoDate } from '../util/dates.ts';
import type { SeatAction } from './plan.ts';

/** The actions that `lac provision` writes now: due, and not waiting for a purchase. */
export const dueNow = (actions: SeatAction[], today: IsoDate): SeatAction[] => actions.filter((a) => a.effective <= today && !a.unfunded);

/** One assignments file's text with its due actions applied; `text` undefined when the file does not exist yet. */
export function applyToFile(license: string, text: string | undefined, actions: SeatAction[]): string {
  const edits: SeatEdit[] = actions
    .filter((a) => a.kind !== 'add' && a.index !== undefined)
    .map((a) => (a.kind === 'move' ? { index: a.index!, action: 'downgrade', to: a.to!, expect: { person: a.person, tier: a.tier } } : { index: a.index!, action: 'remove', expect: { person: a.person, tier: a.tier } }));
  let out = text === undefined ? `license: ${license}\nseats:\n` : editAssignments(text, edits);
  const adds = actions.filter((a) => a.kind === 'add');
  if (adds.length === 0) return out;
  // An empty list written as `seats: []` (or `seats:` with nothing under it) takes lines below it.
  out = out.replace(/^seats:[ \t]*\[\][ \t]*$/m, 'seats:');
  if (!out.endsWith('\n')) out += '\n';
  return out + adds.map((a) => `  - { person: ${a.person}, tier: ${a.tier}, since: ${a.effective} }\n`).join('');
}
