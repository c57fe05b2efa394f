// The git side of a reclaim pull request, with simple-git: the bot's commit is built from the
// base commit in a private index (the user's checkout and index are never touched), then pushed
// to a deterministic branch with a lease, so that a concurrent push is never overwritten blindly.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { gitEnv } from '../git/safe-env.ts';

export const BRANCH_PREFIX = 'lac/reclaim/';
export const branchName = (license: string): string => `${BRANCH_PREFIX}${license}`;

const BOT = { name: 'lac', email: 'lac@users.noreply.github.com' };

export interface ReclaimGit {
  /** The commit a branch or revision names; undefined when there is none. */
  revParse(rev: string): Promise<string | undefined>;
  /** The name of the checked-out branch. */
  currentBranch(): Promise<string>;
  /** The heads of the remote's branches under `prefix` (one ls-remote, one fetch, so their objects are here). */
  fetchRemoteBranches(remote: string, prefix: string): Promise<Map<string, string>>;
  /** A file's text at a commit; undefined when absent. */
  show(rev: string, path: string): Promise<string | undefined>;
  treeOf(rev: string): Promise<string>;
  isAncestor(ancestor: string, rev: string): Promise<boolean>;
  /** A commit on `parent` whose tree is the parent's with `path` replaced by `text`. */
  commitFile(parent: string, path: string, text: string, message: string): Promise<string>;
  /** The tree `commitFile` would make, without committing. */
  treeWithFile(parent: string, path: string, text: string): Promise<string>;
  /** Pushes `sha` to the branch if it still points at `expected` (undefined: must not exist). */
  push(remote: string, sha: string, branch: string, expected: string | undefined): Promise<void>;
  deleteRemoteBranch(remote: string, branch: string, expected: string): Promise<void>;
}

export function reclaimGit(root: string): ReclaimGit {
  const git: SimpleGit = simpleGit(root);
  const raw = async (args: string[]) => (await git.raw(args)).trim();
  async function identity(): Promise<Record<string, string>> {
    const name = await raw(['config', 'user.name']).catch(() => '');
    const email = await raw(['config', 'user.email']).catch(() => '');
    return name && email ? {} : { GIT_AUTHOR_NAME: BOT.name, GIT_AUTHOR_EMAIL: BOT.email, GIT_COMMITTER_NAME: BOT.name, GIT_COMMITTER_EMAIL: BOT.email };
  }
  async function withIndex<T>(parent: string, path: string, text: string, then: (g: SimpleGit) => Promise<T>): Promise<T> {
    const dir = await mkdtemp(join(tmpdir(), 'lac-reclaim-'));
    try {
      const file = join(dir, 'blob');
      await writeFile(file, text);
      const g = simpleGit({ baseDir: root, allowEnvironment: ['GIT_INDEX_FILE'] }).env(gitEnv({ ...(await identity()), GIT_INDEX_FILE: join(dir, 'index') }));
      await g.raw(['read-tree', parent]);
      const blob = (await g.raw(['hash-object', '-w', file])).trim();
      await g.raw(['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`]);
      return await then(g);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return {
    revParse: (rev) => raw(['rev-parse', '--verify', '-q', `${rev}^{commit}`]).then((s) => s || undefined, () => undefined),
    currentBranch: () => raw(['symbolic-ref', '--short', 'HEAD']),
    async fetchRemoteBranches(remote, prefix) {
      const out = new Map<string, string>();
      for (const line of (await raw(['ls-remote', '--heads', remote, `refs/heads/${prefix}*`])).split('\n')) {
        const [sha, ref] = line.split(/\s+/);
        if (sha && ref?.startsWith('refs/heads/')) out.set(ref.slice('refs/heads/'.length), sha);
      }
      if (out.size > 0) await git.raw(['fetch', '-q', '--no-tags', remote, `+refs/heads/${prefix}*:refs/remotes/${remote}/${prefix}*`]);
      return out;
    },
    show: (rev, path) => git.show([`${rev}:${path}`]).then((s) => s, () => undefined),
    treeOf: (rev) => raw(['rev-parse', `${rev}^{tree}`]),
    isAncestor: (a, rev) => git.raw(['merge-base', '--is-ancestor', a, rev]).then(() => true, () => false),
    commitFile: (parent, path, text, message) =>
      withIndex(parent, path, text, async (g) => {
        const tree = (await g.raw(['write-tree'])).trim();
        return (await g.raw(['commit-tree', tree, '-p', parent, '-m', message])).trim();
      }),
    treeWithFile: (parent, path, text) => withIndex(parent, path, text, async (g) => (await g.raw(['write-tree'])).trim()),
    async push(remote, sha, branch, expected) {
      await git.raw(['push', '-q', `--force-with-lease=refs/heads/${branch}:${expected ?? ''}`, remote, `${sha}:refs/heads/${branch}`]);
    },
    async deleteRemoteBranch(remote, branch, expected) {
      await git.raw(['push', '-q', `--force-with-lease=refs/heads/${branch}:${expected}`, remote, `:refs/heads/${branch}`]);
    },
  };
}
