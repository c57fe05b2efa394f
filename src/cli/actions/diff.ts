import { readFileSync } from 'node:fs';
import type { DiffOpts } from '../diff.ts';
import { UserError } from '../errors.ts';
import type { Io } from '../io.ts';
import { parseRoot, parseToday } from '../options.ts';
import { diffInThread } from './diff-thread.ts';

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
  const output = await diffInThread({ root, ...(base ? { base } : {}), ...(head ? { head } : {}), ...(today ? { today } : {}), format: opts.format, markdown: Boolean(opts.comment) });
  io.out(output.text);
  if (!opts.comment) return;
  const number = prNumber(opts, io.env);
  // octokit is loaded only to comment.
  const { createGitHubPort, GitHubConfigError, GitHubError } = await import('../../github/index.ts');
  try {
    const port = createGitHubPort({ env: io.env });
    const done = await port.ensureComment(number, 'lac/diff', output.markdown!);
    io.err(`pull request #${number}: comment ${done.action}\n`);
  } catch (e) {
    if (e instanceof GitHubConfigError) throw new UserError(e.message, e.hint);
    if (e instanceof GitHubError) throw new UserError(e.message, 'check GITHUB_TOKEN (pull-requests: write) and GITHUB_REPOSITORY');
    throw e;
  }
}
