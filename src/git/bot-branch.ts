import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

/** Runs git with extra environment (plumbing needs GIT_INDEX_FILE, which simple-git refuses to pass). */
function run(cwd: string, args: string[], env: Record<string, string> = {}, input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', reject);
    child.stdin.on('error', () => {});
    child.on('close', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`git ${args[0]} failed: ${err.trim().split('\n')[0] ?? ''}`))));
    child.stdin.end(input ?? '');
  });
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
      const blob = await run(root, ['hash-object', '-w', '--stdin'], {}, content);
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
    const commit = await run(root, ['commit-tree', tree, '-p', baseCommit, '-m', p.message], await identity(root));
    await run(root, ['push', '--quiet', '--force', remote, `${commit}:refs/heads/${p.branch}`]);
    return { action: 'pushed', commit };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Commits files on the current branch and pushes it (for settings that push straight to the default branch). */
export async function commitAndPush(root: string, paths: string[], message: string, remote = 'origin'): Promise<ProposalResult> {
  await run(root, ['add', '--', ...paths]);
  const staged = await run(root, ['diff', '--cached', '--name-only', '--', ...paths]);
  if (!staged) return { action: 'unchanged' };
  await run(root, ['commit', '--quiet', '-m', message, '--', ...paths], await identity(root));
  const branch = await run(root, ['rev-parse', '--abbrev-ref', 'HEAD']);
  await run(root, ['push', '--quiet', remote, branch]);
  return { action: 'pushed', commit: await run(root, ['rev-parse', 'HEAD']) };
}
