// Revisions' inventories listed through a running cat-file process (git/cat-file.ts): their tree
// objects read level by level (a folder two revisions share, once), then the size of every blob. It
// gives what `git ls-tree -r -l -- inventory/` gives (listTree in git-source.ts) and, for a diff, every
// entry's mode and id, so that the paths two revisions differ in are what `git diff-tree -r
// --name-only --no-renames` names.
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
 * The inventories of `commits` (full ids) through one cat-file process. A folder two of them share (the
 * same tree object at the same path: whatever a change did not touch) is read and listed once, and the
 * sizes of all their blobs are asked in one request.
 */
export async function listCommits(store: CatFile, commits: readonly string[]): Promise<ListedTree[]> {
  const shared = new Map<string, Promise<[string, TreeEntry][]>>();
  /** Every entry but trees under the tree `data` at `dir`, its subtrees read in one request per level. */
  const below = async (dir: string, data: Buffer, commit: string): Promise<[string, TreeEntry][]> => {
    const found: [string, TreeEntry][] = [];
    const subtrees: Promise<[string, TreeEntry][]>[] = [];
    for (const e of parseTree(data, commit.length / 2)) {
      const path = `${dir}/${e.name}`;
      if (e.mode !== TREE_MODE) found.push([path, e]);
      else {
        const key = `${e.oid} ${path}`;
        let sub = shared.get(key);
        if (!sub) {
          shared.set(key, (sub = store.contents(e.oid).then((tree) => {
            if (tree?.info.type !== 'tree') throw new Error(`git has no tree object for ${path} at ${commit}`);
            return below(path, tree.data, commit);
          })));
        }
        subtrees.push(sub);
      }
    }
    for (const entries of await Promise.all(subtrees)) for (const entry of entries) found.push(entry);
    return found;
  };
  const listed = await Promise.all(
    commits.map(async (commit) => {
      const root = await store.contents(`${commit}:./${INVENTORY_DIR}`);
      // No inventory folder (or a file of that name): nothing listed, as ls-tree lists nothing.
      return root?.info.type === 'tree' ? below(INVENTORY_DIR, root.data, commit) : [];
    }),
  );
  // A submodule (a commit) holds no inventory: compared, not listed.
  const oids = [...new Set(listed.flatMap((found) => found.flatMap(([, e]) => (e.mode === SUBMODULE_MODE ? [] : [e.oid]))))];
  const infos = await store.infos(oids);
  const sizes = new Map(oids.map((oid, i) => [oid, infos[i]?.size]));
  return listed.map((found, i) => {
    const blobs = new Map<string, Entry>();
    const entries = new Map<string, string>();
    for (const [path, e] of found) {
      entries.set(path, `${e.mode} ${e.oid}`);
      if (e.mode === SUBMODULE_MODE) continue;
      const size = sizes.get(e.oid);
      if (size === undefined) throw new Error(`git has no object ${e.oid} for ${path} at ${commits[i]}`);
      blobs.set(path, { oid: e.oid, mode: e.mode, size });
    }
    return { blobs, entries };
  });
}

/** Paths whose entries differ (id or mode), or that only one side has: `git diff-tree -r --name-only --no-renames`, in path order. */
export function changedEntries(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [path, entry] of a) if (b.get(path) !== entry) out.push(path);
  for (const path of b.keys()) if (!a.has(path)) out.push(path);
  return out.sort();
}
