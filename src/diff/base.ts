import { worktreeChanges } from '../git/worktree.ts';
import { gitText, GitError } from '../history/git.ts';
import { RevisionError, verifyCommit } from '../inventory/git-source.ts';

// Where the default branch may be, in the order a clone (or a CI checkout) usually has it.
const DEFAULT_BRANCHES = ['origin/HEAD', 'origin/main', 'origin/master', 'main', 'master'];

/** The merge base of HEAD with the default branch: what a pull request is compared against. */
export async function defaultBase(root: string): Promise<{ commit: string; label: string }> {
  for (const ref of DEFAULT_BRANCHES) {
    try {
      await verifyCommit(root, ref);
    } catch (e) {
      if (e instanceof RevisionError && /unknown revision/.test(e.message)) continue;
      throw e;
    }
    try {
      return { commit: await gitText(root, ['merge-base', 'HEAD', ref]), label: `merge base with ${ref}` };
    } catch (e) {
      if (!(e instanceof GitError)) throw e;
    }
  }
  throw new RevisionError('no default branch to compare with (looked for origin/HEAD, origin/main, origin/master, main, master)', 'name the base: lac diff main');
}

/** Paths under inventory/ that differ between a commit and another commit or the working tree (untracked files too). */
export async function changedPaths(root: string, base: string, head?: string): Promise<string[]> {
  if (!head) return worktreeChanges(root, base, 'inventory');
  return (await gitText(root, ['diff-tree', '-r', '--relative', '--name-only', '-z', '--no-renames', base, head, '--', 'inventory'])).split('\0').filter(Boolean);
}
