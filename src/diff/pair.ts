import type { Finding } from '../findings/finding.ts';
import { addToInventory, markBroken } from '../inventory/build.ts';
import { classify } from '../inventory/layout.ts';
import type { Inventory } from '../inventory/model.ts';
import { Interner } from '../inventory/parse/index.ts';
import { readInventoryFile, refusedFile } from '../inventory/read-file.ts';
import type { TreeSource } from '../inventory/source.ts';
import type { Validators } from '../inventory/validate.ts';
import { ReadRefused } from '../util/fs/read-bounded.ts';
import { unchangedLarge } from './unchanged-large.ts';

export type Side = 'base' | 'head';

/** One file as the loader reads it: the parsed file, or the findings that say why not. */
export type Parsed = ReturnType<typeof readInventoryFile>;

/** One side of a diff as it is built: every path of its tree, the records read so far, their file findings. */
export interface SideState {
  side: Side;
  paths: string[];
  inv: Inventory;
  findings: Finding[];
}

/** The two trees of a diff and what differs between them. */
export interface TreePair {
  base: TreeSource;
  head: TreeSource;
  /** Paths under inventory/ whose bytes differ (git's list). */
  changed: ReadonlySet<string>;
}

/**
 * Reads files of the two trees as the loader does. A file the change did not touch has the same
 * bytes on both sides: it is read (from the base) and parsed once, and both inventories share it.
 */
export function pairReader(pair: TreePair, validators: Validators) {
  // It counts who holds two seats of each list it reads (record-twice.ts): rule-scope.ts asks it of the seat files.
  const interner = new Interner(undefined, true);
  const cache = new Map<string, Promise<Parsed>>();
  const raw = new Map<string, Promise<Uint8Array>>();
  let basePaths: Promise<Set<string>> | undefined;
  const inBase = async (path: string) => (await (basePaths ??= pair.base.list().then((l) => new Set(l)))).has(path);
  const parse = async (source: TreeSource, path: string, previous?: Promise<Parsed | undefined>): Promise<Parsed> => {
    if (!classify(path).ok) return readInventoryFile(path, new Uint8Array(0), validators);
    try {
      const bytes = await source.read(path);
      return readInventoryFile(path, bytes, validators, interner, (await previous)?.file?.data);
    } catch (e) {
      if (e instanceof ReadRefused) return refusedFile(path, e);
      throw e;
    }
  };
  /** The file at `path` on one side. */
  const read = (side: Side, path: string): Promise<Parsed> => {
    const changed = pair.changed.has(path);
    const key = changed ? `${side}\u0000${path}` : path;
    let p = cache.get(key);
    if (p) return p;
    // A changed file's head version reuses the records of the lines it shares with the base version.
    const previous = changed && side === 'head' ? inBase(path).then((has) => (has ? read('base', path).catch(() => undefined) : undefined)) : undefined;
    // A file git does not track (ignored) is not in its list of changes: it is read where it is.
    cache.set(key, (p = (changed ? Promise.resolve(false) : inBase(path)).then((shared) => parse(shared ? pair.base : pair[side], path, previous))));
    return p;
  };
  /** The bytes of a file the change did not touch. */
  const bytes = (path: string): Promise<Uint8Array> => {
    let p = raw.get(path);
    if (!p) raw.set(path, (p = pair.base.read(path)));
    return p;
  };
  return {
    read,
    bytes,
    ...unchangedLarge(pair, bytes),
    /** Parses given bytes in place of a file (a sparse people.yaml), once for both sides. */
    readBytes(path: string, bytes: Uint8Array): Parsed {
      return readInventoryFile(path, bytes, validators, interner);
    },
  };
}

export type PairReader = ReturnType<typeof pairReader>;

/** Adds read files to an inventory in path order, as loadInventory does; returns their findings. */
export function addParsed(inv: Inventory, files: [string, Parsed][]): Finding[] {
  const findings: Finding[] = [];
  for (const [path, { file, findings: own, unreadable }] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    findings.push(...own);
    if (unreadable) inv.invalid[unreadable.kind].add(unreadable.id);
    if (!file && own.length > 0) markBroken(inv, path);
    if (file) findings.push(...addToInventory(inv, file));
  }
  return findings;
}
