// A revision's inventory listed through a running cat-file process (git/cat-file.ts): its tree
// objects read level by level, then the size of every blob. It gives what `git ls-tree -r -l --
// inventory/` gives (listTree in git-source.ts) and, for a diff, every entry's mode and id, so that
// the paths two revisions differ in are what `git diff-tree -r --name-only --no-renames` names.
import type { CatFile } from '../git/cat-file.ts';
import type { Entry } from './git-source.ts';
import { INVENTORY_DIR } from './layout.ts';

/** What a tree object holds, one entry after another: "<mode> <name>\0<raw id>". */
export interface TreeEntry {
  mode: string;
  name: string;
  oid: string;
}

const TREE_MODE = '40000';
const SUBMODULE_MODE = '160000';

/** The entries of a tree object's bytes; `idBytes` is 20 (SHA-1) or 32 (SHA-256). */
export function parseTree(data: Buffer, idBytes: number): TreeEntry[] {
  const out: TreeEntry[] = [];
  let pos = 0;
  while (pos < data.length) {
    const space = data.indexOf(32, pos);
    const nul = data.indexOf(0, space + 1);
    if (space < 0 || nul < 0 || nul + 1 + idBytes > data.length) throw new Error('a tree object git gave cannot be read');
    out.push({ mode: data.toString('latin1', pos, space), name: data.toString('utf8', space + 1, nul), oid: data.toString('hex', nul + 1, nul + 1 + idBytes) });
    pos = nul + 1 + idBytes;
  }
  return out;
}

/** A revision's inventory: its blobs as listTree gives them, and every entry but trees (mode and id) to compare. */
export interface ListedTree {
  blobs: Map<string, Entry>;
  entries: Map<string, string>;
}

/**
 * The inventory of `commit` (a full commit id). `sizes` is shared between the revisions of a diff:
 * a blob both hold is asked about once.
 */
export async function listThroughCatFile(store: CatFile, commit: string, sizes = new Map<string, Promise<number>>()): Promise<ListedTree> {
  const blobs = new Map<string, Entry>();
  const entries = new Map<string, string>();
  const idBytes = commit.length / 2;
  const root = await store.contents(`${commit}:./${INVENTORY_DIR}`);
  // No inventory folder (or a file of that name): nothing listed, as ls-tree lists nothing.
  let level: [string, Buffer][] = root?.info.type === 'tree' ? [[INVENTORY_DIR, root.data]] : [];
  const found: [string, TreeEntry][] = [];
  while (level.length > 0) {
    const subtrees: [string, Promise<{ info: { type: string }; data: Buffer } | undefined>][] = [];
    for (const [dir, data] of level) {
      for (const e of parseTree(data, idBytes)) {
        const path = `${dir}/${e.name}`;
        if (e.mode === TREE_MODE) subtrees.push([path, store.contents(e.oid)]);
        else found.push([path, e]);
      }
    }
    level = await Promise.all(
      subtrees.map(async ([path, read]): Promise<[string, Buffer]> => {
        const tree = await read;
        if (tree?.info.type !== 'tree') throw new Error(`git has no tree object for ${path} at ${commit}`);
        return [path, tree.data];
      }),
    );
  }
  // A submodule (a commit) holds no inventory: compared, not listed.
  const files = found.filter(([, e]) => e.mode !== SUBMODULE_MODE);
  for (const [path, e] of found) entries.set(path, `${e.mode} ${e.oid}`);
  for (const [, e] of files) if (!sizes.has(e.oid)) sizes.set(e.oid, store.info(e.oid).then((i) => i?.size ?? Number.NaN));
  for (const [path, e] of files) {
    const size = await sizes.get(e.oid)!;
    if (Number.isNaN(size)) throw new Error(`git has no object ${e.oid} for ${path} at ${commit}`);
    blobs.set(path, { oid: e.oid, mode: e.mode, size });
  }
  return { blobs, entries };
}

/** Paths whose entries differ (id or mode), or that only one side has: `git diff-tree -r --name-only --no-renames`, in path order. */
export function changedEntries(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [path, entry] of a) if (b.get(path) !== entry) out.push(path);
  for (const path of b.keys()) if (!a.has(path)) out.push(path);
  return out.sort();
}
