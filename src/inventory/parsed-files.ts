// The files an inventory was read from, by path and git object ID, so that the inventory of another commit read in
// the same run parses only the files that differ. The month-end views, evidence packs and forecast back-test of the
// site read up to 16 past commits' inventories; at 100,000 people each was a 3 s parse and a second copy of every
// record, when a month changes a few files (issue 16). A file's result is shared as it is: records are not changed
// once read (lac diff shares the records of unchanged lines the same way, parse/record-reuse.ts).
import type { Inventory } from './model.ts';
import type { readInventoryFile } from './read-file.ts';

export type FileResult = ReturnType<typeof readInventoryFile>;
/** Results by `${path}\0${oid}`. */
export type ParsedFiles = ReadonlyMap<string, FileResult>;

const byInventory = new WeakMap<Inventory, ParsedFiles>();

export const fileKey = (path: string, oid: string) => `${path}\0${oid}`;
/** The path of a fileKey. */
export const pathOfKey = (key: string) => key.slice(0, key.indexOf('\0'));

/** Keeps the results an inventory was read from (for as long as the inventory is kept). */
export function rememberFiles(inventory: Inventory, files: ParsedFiles): void {
  if (files.size > 0) byInventory.set(inventory, files);
}

/** The results an inventory read from git objects was made of (none for one read from a folder). */
export function filesOf(inventory: Inventory): ParsedFiles | undefined {
  return byInventory.get(inventory);
}

/** The data of the file at `path` an inventory was read from (undefined when it was read from a folder or not read). */
export function fileData(inventory: Inventory, path: string): object | undefined {
  for (const [key, r] of byInventory.get(inventory) ?? []) if (r.file && pathOfKey(key) === path) return r.file.data;
  return undefined;
}
