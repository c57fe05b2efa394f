import { join } from 'node:path';
import { readWorkingFile } from '../inventory/source.ts';
import { writeFileAtomic } from '../util/fs/atomic-write.ts';
import type { LicensePlan } from '../analysis/reclaim/plan.ts';
import { editAssignments, type SeatEdit } from './edit.ts';

/** The edits a license plan makes to its assignments file. */
export function planEdits(plan: LicensePlan): SeatEdit[] {
  return plan.candidates.map((c) => ({ index: c.index, action: c.action, ...(c.to ? { to: c.to } : {}), expect: { person: c.person, tier: c.tier } }));
}

/** Applies a license plan to the assignments file's text. */
export const applyToText = (text: string, plan: LicensePlan): string => editAssignments(text, planEdits(plan));

/** Edits the assignments file in the working tree (whole or not at all); returns whether it changed. */
export async function applyToFile(root: string, plan: LicensePlan): Promise<boolean> {
  if (plan.candidates.length === 0) return false;
  const text = await readWorkingFile(root, plan.file);
  const out = applyToText(text, plan);
  if (out === text) return false;
  await writeFileAtomic(join(root, plan.file), out, { shown: plan.file });
  return true;
}
