import { readFileSync } from 'node:fs';
import { changedPaths, defaultBase } from '../../diff/base.ts';
import { formatDiff, formatMarkdown } from '../../diff/format.ts';
import { gitMentions } from '../../diff/mentions.ts';
import { diffTrees } from '../../diff/run.ts';
import { gitSource, verifyCommit } from '../../inventory/git-source.ts';
import { fsSource } from '../../inventory/source.ts';
import { asUserError } from '../at.ts';
import type { DiffOpts } from '../diff.ts';
import { UserError } from '../errors.ts';
import type { Io } from '../io.ts';
import { parseRoot, parseToday } from '../options.ts';

/** The pull request number: --pr, else the event file GitHub Actions gives a pull_request run. */
function prNumber(opts: DiffOpts, env: Io['env']): number {
  if (opts.pr !== undefined) {
    if (!/^[1-9]\d*$/.test(opts.pr)) throw new UserError(`--pr ${opts.pr} is not a pull request number`);
    return Number(opts.pr);
  }
  const path = env.GITHUB_EVENT_PATH;
  const n = path ? (JSON.parse(readFileSync(path, 'utf8')) as { pull_request?: { number?: number } }).pull_request?.number : undefined;
  if (!n) throw new UserError('--comment needs a pull request: run it in a pull_request workflow, or pass --pr N');
  return n;
}

/** `lac diff`: the change in meaning between two states of the inventory; with --comment, posted on the pull request. */
export async function runDiff(base: string | undefined, head: string | undefined, opts: DiffOpts, io: Io): Promise<void> {
  const root = parseRoot(opts.root, io.cwd);
  const today = parseToday(opts.today);
  let result;
  try {
    // Each git process costs more in a loaded machine: head is verified once, beside the base.
    const verifying = head ? verifyCommit(root, head) : undefined;
    verifying?.catch(() => undefined); // a bad base is reported first
    const from = base ? { commit: await verifyCommit(root, base), label: base } : await defaultBase(root);
    const headCommit = await verifying;
    const to = head && headCommit ? { source: gitSource(root, headCommit), label: head } : { source: fsSource(root), label: 'working tree' };
    const changed = await changedPaths(root, from.commit, headCommit);
    result = await diffTrees(gitSource(root, from.commit), to.source, { base: from.label, head: to.label }, today, changed, { mentions: gitMentions(root, from.commit) });
  } catch (e) {
    throw asUserError(e);
  }
  io.out(formatDiff(result, opts.format));
  if (!opts.comment) return;
  const number = prNumber(opts, io.env);
  // octokit is loaded only to comment.
  const { createGitHubPort, GitHubConfigError, GitHubError } = await import('../../github/index.ts');
  try {
    const port = createGitHubPort({ env: io.env });
    const done = await port.ensureComment(number, 'lac/diff', formatMarkdown(result));
    io.err(`pull request #${number}: comment ${done.action}\n`);
  } catch (e) {
    if (e instanceof GitHubConfigError) throw new UserError(e.message, e.hint);
    if (e instanceof GitHubError) throw new UserError(e.message, 'check GITHUB_TOKEN (pull-requests: write) and GITHUB_REPOSITORY');
    throw e;
  }
}
