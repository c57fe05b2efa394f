// `lac provision`: plan from people and policies, then write what is due to the assignments files.
import type { Inventory } from '../inventory/model.ts';
import { readWorkingFile } from '../inventory/source.ts';
import { writeAtomically } from '../usage/snapshot/write.ts';
import type { IsoDate } from '../util/dates.ts';
import { applyToFile, dueNow } from './apply.ts';
import { planProvision, type ProvisionPlan } from './plan.ts';

export interface ProvisionResult {
  plan: ProvisionPlan;
  /** Files written (or that would be, with dryRun). */
  files: string[];
  /** Their new text, by path. */
  texts: Map<string, string>;
}

/** Plans and, unless dryRun, writes the due seat changes; every file is written whole or not at all. */
export async function provision(inv: Inventory, root: string, today: IsoDate, dryRun: boolean): Promise<ProvisionResult> {
  const plan = planProvision(inv, today);
  const byLicense = new Map<string, typeof plan.actions>();
  for (const a of dueNow(plan.actions, today)) byLicense.set(a.license, [...(byLicense.get(a.license) ?? []), a]);
  const texts = new Map<string, string>();
  for (const [license, actions] of byLicense) {
    const path = inv.assignments.get(license)?.file ?? `inventory/assignments/${license}.yaml`;
    const before = inv.assignments.has(license) ? await readWorkingFile(root, path) : undefined;
    texts.set(path, applyToFile(license, before, actions));
  }
  // Every edit is made in memory first, so a refused edit leaves every file as it was.
  if (!dryRun) for (const [path, text] of texts) await writeAtomically(root, path, text);
  return { plan, files: [...texts.keys()].sort(), texts };
}

