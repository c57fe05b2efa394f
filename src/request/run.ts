// `lac request --issue N`: read the request issue through the API, check it against the inventory
// as committed on the base branch, then answer it (and, when valid, propose the seat).
import { resolveToday } from '../check/run.ts';
import { createGitHubPort, type GitHubPort } from '../github/index.ts';
import { gitSource } from '../inventory/git-source.ts';
import { loadInventory } from '../inventory/load.ts';
import { applyToFile } from '../provision/apply.ts';
import { reclaimGit } from '../reclaim/branch.ts';
import type { IsoDate } from '../util/dates.ts';
import { checkRequest, type Verdict } from './check.ts';
import { parseRequestForm } from './form.ts';
import { pendingSeats } from './pending.ts';
import { publishProblems, publishSeat, REQUEST_LABEL, type PublishResult } from './publish.ts';
import { problemsComment } from './text.ts';

/** A request lac cannot act on at all (no such issue, not a request): said to the user, not on the issue. */
export class RequestError extends Error {
  override name = 'RequestError';
}

export interface RequestOptions {
  root: string;
  issue: number;
  env: Record<string, string | undefined>;
  /** The branch the pull request targets and the inventory is read from (default: the checked-out branch). */
  base?: string;
  remote?: string;
  today?: IsoDate;
  dryRun?: boolean;
  port?: GitHubPort;
}

export interface RequestOutcome {
  issue: number;
  /** `closed`: the issue is closed, nothing was done. */
  verdict: Verdict | 'closed';
  /** For a valid request: the assignments file and its new text. */
  change?: { file: string; line: string };
  /** What would be (dry run) or was posted on the issue. */
  comment?: string;
  published?: PublishResult;
}

/** Checks the request in issue `issue` and, unless dryRun, answers it and proposes the seat. */
export async function runRequest(o: RequestOptions): Promise<RequestOutcome> {
  const port = o.port ?? createGitHubPort({ env: o.env });
  const { owner, repo } = port.repository;
  const issue = await port.getIssue(o.issue);
  if (!issue || issue.isPull) throw new RequestError(`${owner}/${repo} has no issue #${o.issue}${issue ? ' (it is a pull request)' : ''}`);
  if (!issue.labels.some((l) => l.toLowerCase() === REQUEST_LABEL.name)) throw new RequestError(`issue #${o.issue} is not a license request: it has no ${REQUEST_LABEL.name} label`);
  if (issue.state === 'closed') return { issue: o.issue, verdict: 'closed' };
  const git = reclaimGit(o.root);
  const base = o.base ?? (await git.currentBranch());
  const baseSha = await git.revParse(base);
  if (!baseSha) throw new RequestError(`the base branch ${base} has no commit`);
  const inv = (await loadInventory(gitSource(o.root, baseSha))).inventory;
  const today = resolveToday(inv, o.today);
  const form = parseRequestForm(issue.body);
  const verdict = checkRequest(inv, form, today, await pendingSeats(port, o.issue));
  if (!verdict.ok) {
    const comment = problemsComment(verdict.problems);
    return { issue: o.issue, verdict, comment, ...(o.dryRun ? {} : { published: await publishProblems(port, o.issue, verdict.problems) }) };
  }
  const seat = verdict.seat;
  const file = inv.assignments.get(seat.license.id)?.file ?? `inventory/assignments/${seat.license.id}.yaml`;
  const add = { kind: 'add', person: seat.person.id, name: seat.person.name, license: seat.license.id, tier: seat.tier.id, effective: seat.since, why: `request #${o.issue}`, approval: 'owner-review' } as const;
  const text = applyToFile(seat.license.id, await git.show(baseSha, file), [add]);
  const line = text.trimEnd().split('\n').at(-1)!;
  const out: RequestOutcome = { issue: o.issue, verdict, change: { file, line } };
  if (o.dryRun) return out;
  const change = { root: o.root, remote: o.remote ?? 'origin', base, baseSha, file, text };
  return { ...out, published: await publishSeat(port, inv, o.issue, seat, change, form.cut.includes('reason')) };
}
