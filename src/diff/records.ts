import { classify } from '../inventory/layout.ts';
import { readInventoryFile } from '../inventory/read-file.ts';
import { readUnlessRefused, type TreeSource } from '../inventory/source.ts';
import type { Kind } from '../inventory/schema/index.ts';
import type { Validators } from '../inventory/validate.ts';
import { recordsOf, type Rec } from '../history/records.ts';

/** The records of a tree's files (all, or only `paths`), keyed `entity|key`, as `lac history` sees them; `parsed` reads a file already parsed, `keep` leaves out records known to be equal on both sides. */
export async function treeRecords(source: TreeSource, validators: Validators, paths?: readonly string[], parsed?: (path: string) => Promise<{ file?: { kind: Kind; data: Record<string, unknown> } }>, keep?: (rec: Rec) => boolean): Promise<Map<string, Rec>> {
  const out = new Map<string, Rec>();
  const present = new Set(await source.list());
  for (const path of paths ? paths.filter((p) => present.has(p)) : present) {
    const placement = classify(path);
    if (!placement.ok) continue;
    // An entry that cannot be read is check's finding, not a change.
    const bytes = parsed ? undefined : await readUnlessRefused(source, path);
    const file = parsed ? (await parsed(path)).file : bytes && readInventoryFile(path, bytes, validators).file;
    if (!file) continue;
    for (const rec of recordsOf(file.kind, path, file.data)) if (!keep || keep(rec)) out.set(`${rec.entity}|${rec.key}`, rec);
  }
  return out;
}
