import { GitError } from '../../git/run.ts';
import { createGitHubPort, GitHubConfigError, GitHubError } from '../../github/index.ts';
import { RevisionError } from '../../inventory/git-source.ts';
import { EditError } from '../../reclaim/edit.ts';
import { grantMerged } from '../../request/merged.ts';
import { requestBranch } from '../../request/publish.ts';
import { RequestError, runRequest as answerRequest, type RequestOutcome } from '../../request/run.ts';
import { supplyText } from '../../request/supply.ts';
import { UserError } from '../errors.ts';
import type { Io } from '../io.ts';
import { parseRoot, parseToday } from '../options.ts';
import type { RequestOpts } from '../request.ts';

function number(option: string, value: string): number {
  if (!/^[1-9][0-9]{0,9}$/.test(value)) throw new UserError(`${option} ${value} is not an issue or pull request number`, `write the number alone, e.g. ${option} 42`);
  return Number(value);
}

/** What the run did (or would do), in lines for the terminal. */
function outcomeText(o: RequestOutcome, dryRun: boolean): string {
  if (o.verdict === 'closed') return `issue #${o.issue} is closed: nothing to do\n`;
  const lines: string[] = [];
  if (!o.verdict.ok) lines.push(`request #${o.issue} cannot be granted as it stands:`, ...o.verdict.problems.map((p) => `  - ${p}`));
  else {
    const s = o.verdict.seat;
    lines.push(`request #${o.issue} is valid: a ${s.tier.id} seat of ${s.license.id} for ${s.person.id} from ${s.since}`, `  ${supplyText(s.supply)}`);
    lines.push(`  ${dryRun ? 'would add' : 'adds'} to ${o.change!.file}: ${o.change!.line.trim()}`, `  on branch ${requestBranch(o.issue)}`);
  }
  const p = o.published;
  if (dryRun) lines.push('dry run: nothing was pushed or posted');
  else if (p) lines.push(`${p.branch ? `branch ${requestBranch(o.issue)}: ${p.branch}; ` : ''}${p.pr ? `pull request #${p.pr.number} ${p.pr.action}; ` : ''}comment on #${o.issue} ${p.comment}`);
  return `${lines.join('\n')}\n`;
}

async function withErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof RequestError) throw new UserError(e.message, 'run it for an issue opened with the license request form (label license-request)');
    if (e instanceof GitHubConfigError) throw new UserError(e.message, e.hint);
    if (e instanceof GitHubError || e instanceof GitError || e instanceof EditError || e instanceof RevisionError) throw new UserError(e.message, 'nothing after the failing step was changed; fix the cause and run again');
    throw e;
  }
}

/** `lac request`: a request issue checked and answered with a pull request, or a merged request pull request's issue closed. */
export async function runRequest(opts: RequestOpts, io: Io): Promise<void> {
  if ((opts.issue === undefined) === (opts.mergedPr === undefined)) throw new UserError('give one of --issue N or --merged-pr N', 'lac request --issue 42 answers request issue #42');
  if (opts.mergedPr !== undefined) {
    const pr = number('--merged-pr', opts.mergedPr);
    const done = await withErrors(() => grantMerged(createGitHubPort({ env: io.env }), pr));
    io.out(done ? `issue #${done.issue}: comment ${done.comment}; ${done.close === 'closed' ? 'closed' : 'already closed'}\n` : `pull request #${pr} is not merged: nothing to do\n`);
    return;
  }
  const issue = number('--issue', opts.issue!);
  const root = parseRoot(opts.root, io.cwd);
  const today = parseToday(opts.today);
  const outcome = await withErrors(() =>
    answerRequest({ root, issue, env: io.env, remote: opts.remote, ...(opts.base ? { base: opts.base } : {}), ...(today ? { today } : {}), ...(opts.dryRun ? { dryRun: true } : {}) }),
  );
  io.out(outcomeText(outcome, Boolean(opts.dryRun)));
}
