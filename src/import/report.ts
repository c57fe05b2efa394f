import type { Plan } from './plan.ts';

/** The import's report: what it writes, each collision, every row it ignored or left out and why. */
export function reportText(plan: Plan, files: Map<string, string>, dryRun: boolean, notes: string[]): string {
  const out: string[] = [...notes.map((n) => `note: ${n}`)];
  const count = (list: { action: string }[], action: string) => list.filter((c) => c.action === action).length;
  for (const [kind, list] of [['vendors', plan.vendors], ['licenses', plan.licenses], ['contracts', plan.contracts], ['people', plan.people]] as const) {
    out.push(`${kind}: ${count(list, 'create')} new, ${count(list, 'update')} updated, ${count(list, 'unchanged')} unchanged`);
  }
  out.push(`seats: ${plan.seats.reduce((n, s) => n + s.add.length, 0)} new`);
  for (const c of plan.collisions) out.push(`collision: ${c}`);
  for (const path of [...files.keys()].sort()) out.push(`${dryRun ? 'would write' : 'wrote'} ${path}`);
  if (files.size === 0) out.push('nothing to write: the inventory already holds everything imported');
  for (const i of plan.ignored) out.push(`ignored ${i.where}: ${i.why}`);
  for (const s of plan.skipped) out.push(`not imported ${s.where}: ${s.why}`);
  if (plan.skipped.length > 0) out.push(`${plan.skipped.length} row(s) not imported; fix them in the source (or the mapping) and run the import again`);
  return `${out.join('\n')}\n`;
}
