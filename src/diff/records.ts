import { classify } from '../inventory/layout.ts';
import { readInventoryFile } from '../inventory/read-file.ts';
import type { TreeSource } from '../inventory/source.ts';
import type { Validators } from '../inventory/validate.ts';
import { recordsOf, type Rec } from '../history/records.ts';

/** Every record of a tree, keyed `entity|key`, from the files that parse (as `lac history` sees them). */
export async function treeRecords(source: TreeSource, validators: Validators): Promise<Map<string, Rec>> {
  const out = new Map<string, Rec>();
  for (const path of await source.list()) {
    const placement = classify(path);
    if (!placement.ok) continue;
    const file = readInventoryFile(path, await source.read(path), validators).file;
    if (!file) continue;
    for (const rec of recordsOf(file.kind, path, file.data)) out.set(`${rec.entity}|${rec.key}`, rec);
  }
  return out;
}
