import { loadInventory } from '../inventory/load.ts';
import type { Inventory } from '../inventory/model.ts';
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

/** Currencies of imported contracts that org.yaml cannot convert: `lac check` will ask for their rates, so the import says so first. */
function rateNotes(plan: Plan, inv: Inventory): string[] {
  const org = inv.org?.data;
  if (!org) return [];
  const missing = new Set(plan.contracts.map((c) => c.data.currency).filter((c) => c !== org.currency && org.exchange_rates?.[c] === undefined));
  return [...missing].sort().map((c) => `contracts in ${c}: add exchange_rates: { ${c}: "<value of 1 ${c} in ${org.currency}>" } to inventory/org.yaml`);
}

/** Plans a batch against the repository at `root` and, unless a dry run, writes it. */
export async function runImport(root: string, batch: Batch, options: { dryRun: boolean; notes?: string[] }): Promise<ImportResult> {
  const { inventory } = await loadInventory(fsSource(root));
  const plan = planImport(batch, inventory);
  const files = await renderPlan(root, plan);
  if (!options.dryRun) await writePlan(root, files);
  return { plan, files, report: reportText(plan, files, options.dryRun, [...(options.notes ?? []), ...rateNotes(plan, inventory)]) };
}
