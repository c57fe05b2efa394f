import { classify } from '../inventory/layout.ts';
import { readInventoryFile } from '../inventory/read-file.ts';
import { readUnlessRefused, type TreeSource } from '../inventory/source.ts';
import type { Kind } from '../inventory/schema/index.ts';
import type { Validators } from '../inventory/validate.ts';
import { recordsOf, type Rec } from '../history/records.ts';

/** The records of a tree's files (all, or only `paths`), keyed `entity|key`, as `lac history` sees them; `parsed` reads a file already parsed, `keepSeat` leaves out seats known to be equal on both sides. */
export async function treeRecords(source: TreeSource, validators: Validators, paths?: readonly string[], parsed?: (path: string) => Promise<{ file?: { kind: Kind; data: Record<string, unknown> } }>, keepSeat?: (seat: Record<string, unknown>) => boolean): Promise<Map<string, Rec>> {
  const out = new Map<string, Rec>();
  const present = new Set(await source.list());
  for (const path of paths ? paths.filter((p) => present.has(p)) : present) {
    const placement = classify(path);
    if (!placement.ok) continue;
    // An entry that cannot be read is check's finding, not a change.
    const bytes = parsed ? undefined : await readUnlessRefused(source, path);
    const file = parsed ? (await parsed(path)).file : bytes && readInventoryFile(path, bytes, validators).file;
    if (!file) continue;
    const seats = file.data.seats;
    const data = keepSeat && file.kind === 'assignments' && Array.isArray(seats) ? { ...file.data, seats: seats.filter((s) => !s || typeof s !== 'object' || keepSeat(s as Record<string, unknown>)) } : file.data;
    for (const rec of recordsOf(file.kind, path, data)) out.set(`${rec.entity}|${rec.key}`, rec);
  }
  return out;
}
