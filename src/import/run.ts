import { loadInventory } from '../inventory/load.ts';
import { fsSource } from '../inventory/source.ts';
import { planImport, type Plan } from './plan.ts';
import { reportText } from './report.ts';
import type { Batch } from './types.ts';
import { renderPlan, writePlan } from './write.ts';

export interface ImportResult {
  plan: Plan;
  files: Map<string, string>;
  report: string;
}

/** Merges batches read from several files into one. */
export function mergeBatches(batches: Batch[]): Batch {
  const keys = ['vendors', 'licenses', 'contracts', 'people', 'seats', 'skipped', 'ignored'] as const;
  return Object.fromEntries(keys.map((k) => [k, batches.flatMap((b) => b[k] as unknown[])])) as unknown as Batch;
}

/** Plans a batch against the repository at `root` and, unless a dry run, writes it. */
export async function runImport(root: string, batch: Batch, options: { dryRun: boolean; notes?: string[] }): Promise<ImportResult> {
  const { inventory } = await loadInventory(fsSource(root));
  const plan = planImport(batch, inventory);
  const files = await renderPlan(root, plan);
  if (!options.dryRun) await writePlan(root, files);
  return { plan, files, report: reportText(plan, files, options.dryRun, options.notes ?? []) };
}
