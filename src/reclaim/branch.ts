// The git side of a reclaim pull request: the bot's commit is built from the base commit in a
// private index (the user's checkout and index are never touched), then pushed to a
// deterministic branch with a lease, so that a concurrent push is never overwritten blindly.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git as runGit, type GitOptions } from '../git/run.ts';

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
  const raw = async (args: string[], options: GitOptions = {}) => (await runGit(root, args, undefined, options)).toString('utf8').trim();
  async function identity(): Promise<Record<string, string>> {
    const name = await raw(['config', 'user.name']).catch(() => '');
    const email = await raw(['config', 'user.email']).catch(() => '');
    return name && email ? {} : { GIT_AUTHOR_NAME: BOT.name, GIT_AUTHOR_EMAIL: BOT.email, GIT_COMMITTER_NAME: BOT.name, GIT_COMMITTER_EMAIL: BOT.email };
  }
  async function withIndex<T>(parent: string, path: string, text: string, then: (g: (args: string[]) => Promise<string>) => Promise<T>): Promise<T> {
    const dir = await mkdtemp(join(tmpdir(), 'lac-reclaim-'));
    try {
      const file = join(dir, 'blob');
      await writeFile(file, text);
      const env = { ...(await identity()), GIT_INDEX_FILE: join(dir, 'index') };
      const g = (args: string[]) => raw(args, { env });
      await g(['read-tree', parent]);
      // --no-filters: the blob is the text lac wrote, as lac reads blobs back (no clean filter runs).
      const blob = await g(['hash-object', '-w', '--no-filters', file]);
      await g(['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`]);
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
      if (out.size > 0) await raw(['fetch', '-q', '--no-tags', remote, `+refs/heads/${prefix}*:refs/remotes/${remote}/${prefix}*`]);
      return out;
    },
    // cat-file, not show: the blob as stored, whatever textconv the repository configures.
    show: (rev, path) => runGit(root, ['cat-file', 'blob', `${rev}:${path}`]).then((b) => b.toString('utf8'), () => undefined),
    treeOf: (rev) => raw(['rev-parse', `${rev}^{tree}`]),
    isAncestor: (a, rev) => raw(['merge-base', '--is-ancestor', a, rev]).then(() => true, () => false),
    commitFile: (parent, path, text, message) =>
      withIndex(parent, path, text, async (g) => {
        const tree = await g(['write-tree']);
        // --no-gpg-sign: commit.gpgSign would run the repository's gpg.program; the bot holds no key.
        return g(['commit-tree', '--no-gpg-sign', tree, '-p', parent, '-m', message]);
      }),
    treeWithFile: (parent, path, text) => withIndex(parent, path, text, (g) => g(['write-tree'])),
    async push(remote, sha, branch, expected) {
      await raw(['push', '-q', `--force-with-lease=refs/heads/${branch}:${expected ?? ''}`, remote, `${sha}:refs/heads/${branch}`]);
    },
    async deleteRemoteBranch(remote, branch, expected) {
      await raw(['push', '-q', `--force-with-lease=refs/heads/${branch}:${expected}`, remote, `:refs/heads/${branch}`]);
    },
  };
}
