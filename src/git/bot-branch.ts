import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filtersOff, git } from './run.ts';

/** The identity of bot commits when the repository has none configured (GitHub Actions' bot). */
export const BOT_IDENTITY = { name: 'github-actions[bot]', email: '41898283+github-actions[bot]@users.noreply.github.com' };

export interface BranchProposal {
  /** The branch to (re)write, e.g. lac/usage. */
  branch: string;
  /** What the branch starts from: a revision such as HEAD or origin/main. */
  base: string;
  /** Files to write (text) or delete (null), relative to the repository root. */
  files: Record<string, string | null>;
  message: string;
  remote?: string;
}

export interface ProposalResult {
  /** pushed: the branch now holds the change; unchanged: it already did; empty: the change is already in base. */
  action: 'pushed' | 'unchanged' | 'empty';
  commit?: string;
}

/** Runs git (with repository-configured programs off) and returns its trimmed output. */
async function run(cwd: string, args: string[], env: Record<string, string> = {}, input?: string): Promise<string> {
  return (await git(cwd, args, input, { env })).toString('utf8').trim();
}

async function identity(cwd: string): Promise<Record<string, string>> {
  const name = await run(cwd, ['config', '--get', 'user.name']).catch(() => '');
  const email = await run(cwd, ['config', '--get', 'user.email']).catch(() => '');
  const who = name && email ? { name, email } : BOT_IDENTITY;
  return { GIT_AUTHOR_NAME: who.name, GIT_AUTHOR_EMAIL: who.email, GIT_COMMITTER_NAME: who.name, GIT_COMMITTER_EMAIL: who.email };
}

/**
 * Writes a change as one commit on top of `base` and force-pushes it to `branch`, with git
 * plumbing in a temporary index: the user's working tree, index and current branch are never
 * touched. Idempotent: when the remote branch already has the same tree on the same base,
 * nothing is pushed.
 */
export async function proposeOnBranch(root: string, p: BranchProposal): Promise<ProposalResult> {
  const remote = p.remote ?? 'origin';
  const tmp = await mkdtemp(join(tmpdir(), 'lac-index-'));
  const idx = { GIT_INDEX_FILE: join(tmp, 'index') };
  try {
    const baseCommit = await run(root, ['rev-parse', '--verify', `${p.base}^{commit}`]);
    await run(root, ['read-tree', baseCommit], idx);
    for (const [path, content] of Object.entries(p.files).sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (content === null) {
        await run(root, ['update-index', '--force-remove', '--', path], idx);
        continue;
      }
      const blob = await run(root, ['hash-object', '-w', '--no-filters', '--stdin'], {}, content);
      await run(root, ['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`], idx);
    }
    const tree = await run(root, ['write-tree'], idx);
    if (tree === (await run(root, ['rev-parse', `${baseCommit}^{tree}`]))) return { action: 'empty' };
    const remoteSha = (await run(root, ['ls-remote', remote, `refs/heads/${p.branch}`])).split('\t')[0]?.trim();
    if (remoteSha) {
      await run(root, ['fetch', '--quiet', remote, `refs/heads/${p.branch}`]);
      const parent = await run(root, ['rev-parse', `${remoteSha}^`]).catch(() => '');
      if ((await run(root, ['rev-parse', `${remoteSha}^{tree}`])) === tree && parent === baseCommit) return { action: 'unchanged', commit: remoteSha };
    }
    // --no-gpg-sign: commit.gpgSign would run gpg.program, a program the repository names; lac's
    // commits are the bot's, made where it holds no signing key.
    const commit = await run(root, ['commit-tree', '--no-gpg-sign', tree, '-p', baseCommit, '-m', p.message], await identity(root));
    await run(root, ['push', '--quiet', '--force', remote, `${commit}:refs/heads/${p.branch}`]);
    return { action: 'pushed', commit };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/**
 * Commits files of the working tree on the current branch and pushes it (for settings that push
 * straight to the default branch). Built with plumbing, as proposeOnBranch: `git add` and `git
 * commit` would run the repository's clean filters and hooks. The files are stored as they are
 * (lac reads blobs as they are), and the index gets the same entries so that it matches HEAD.
 */
export async function commitAndPush(root: string, paths: string[], message: string, remote = 'origin'): Promise<ProposalResult> {
  const head = await run(root, ['rev-parse', '--verify', 'HEAD^{commit}']);
  const blobs = (await run(root, ['hash-object', '-w', '--no-filters', '--', ...paths])).split('\n');
  const entries = paths.map((path, i) => ['--cacheinfo', `100644,${blobs[i]},${path}`]).flat();
  const tmp = await mkdtemp(join(tmpdir(), 'lac-index-'));
  try {
    const idx = { GIT_INDEX_FILE: join(tmp, 'index') };
    await run(root, ['read-tree', head], idx);
    await run(root, ['update-index', '--add', ...entries], idx);
    const tree = await run(root, ['write-tree'], idx);
    if (tree === (await run(root, ['rev-parse', `${head}^{tree}`]))) return { action: 'unchanged' };
    const commit = await run(root, ['commit-tree', '--no-gpg-sign', tree, '-p', head, '-m', message], await identity(root));
    // The index first: should HEAD have moved meanwhile, the files are merely staged, as `git add` leaves them.
    await git(root, ['update-index', '--add', ...entries], undefined, { config: await filtersOff(root) });
    await run(root, ['update-ref', '-m', `lac: ${message.split('\n')[0]}`, 'HEAD', commit, head]);
    const branch = await run(root, ['symbolic-ref', '--short', 'HEAD']);
    await run(root, ['push', '--quiet', remote, branch]);
    return { action: 'pushed', commit };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
