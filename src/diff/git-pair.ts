// The two revisions of `lac diff BASE HEAD` listed through one cat-file process (git/cat-file.ts):
// both commits resolved, both trees listed, and the changed paths found by comparing the listings,
// where git commands one by one (rev-parse twice, ls-tree twice, diff-tree) start five processes, each
// a fork of a large process. Files are then read as gitSource reads them: spooled, a batch a tick.
// Anything unexpected (a name cat-file cannot take, a git older than 2.36, a revision that is not a
// commit) gives undefined: the caller then asks git command by command, which also words what is wrong.
import { batchable, openCatFile, type CatFile } from '../git/cat-file.ts';
import { batchedObjects } from '../history/git.ts';
import { listedSource } from '../inventory/git-source.ts';
import { changedEntries, listCommits, type ListedTree } from '../inventory/git-tree.ts';
import type { TreeSource } from '../inventory/source.ts';

export interface CatFilePair {
  base: { commit: string; source: TreeSource };
  head: { commit: string; source: TreeSource };
  /** Paths under inventory/ whose entries differ. */
  changed: string[];
}

/** The full id of the commit a revision names; undefined when it names none. */
async function commitOf(store: CatFile, revision: string): Promise<string | undefined> {
  if (!batchable(revision)) return undefined;
  const info = await store.info(`${revision}^{commit}`);
  return info?.type === 'commit' ? info.oid : undefined;
}

/** Both revisions of a diff, listed through one process; undefined where it cannot list them. */
export async function catFilePair(root: string, base: string, head: string): Promise<CatFilePair | undefined> {
  const store = openCatFile(root);
  try {
    const [baseCommit, headCommit] = await Promise.all([commitOf(store, base), commitOf(store, head)]);
    if (!baseCommit || !headCommit) return undefined;
    const [a, b] = (await listCommits(store, [baseCommit, headCommit])) as [ListedTree, ListedTree];
    // One reader for both sides: the reads of a tick go to one git process.
    const read = batchedObjects(root);
    return {
      base: { commit: baseCommit, source: listedSource(root, baseCommit, async () => a.blobs, read) },
      head: { commit: headCommit, source: listedSource(root, headCommit, async () => b.blobs, read) },
      changed: changedEntries(a.entries, b.entries),
    };
  } catch {
    return undefined;
  } finally {
    void store.close();
  }
}
