// The effects of a request: the answer on the issue; for a valid request, the seat committed on
// lac/request/<issue> and its pull request. Every step finds what an earlier run made and writes
// only what differs, so a re-run for an unchanged request writes nothing.
import { proposeOnBranch } from '../git/bot-branch.ts';
import type { EnsureAction, GitHubPort } from '../github/port.ts';
import type { Inventory } from '../inventory/model.ts';
import type { RequestedSeat } from './check.ts';
import { commitMessage, openedComment, prBody, prTitle, problemsComment, rejectedComment } from './text.ts';

export const REQUEST_LABEL = { name: 'license-request', color: '1d76db', description: 'A request for a license seat, answered by lac request' };
export const requestBranch = (issue: number): string => `lac/request/${issue}`;
export const requestKey = (issue: number): string => `request/${issue}`;

/** What the pull request's hidden state keeps, for `--merged-pr`. */
export interface RequestState {
  v: 1;
  issue: number;
  person: string;
  license: string;
  tier: string;
}

export interface PublishResult {
  comment: EnsureAction;
  pr?: { number: number; url: string; action: EnsureAction | 'closed' | 'rejected' };
  branch?: 'pushed' | 'unchanged' | 'empty';
}

/** The key of lac's note on a request pull request it closed itself (so a later valid edit opens a new one). */
const closedKey = (issue: number) => `${requestKey(issue)}/closed`;

/** Answers an invalid request on the issue, and closes the pull request an earlier, valid version of it opened. */
export async function publishProblems(port: GitHubPort, issue: number, problems: string[]): Promise<PublishResult> {
  const comment = await port.ensureComment(issue, requestKey(issue), problemsComment(problems));
  const target = { head: requestBranch(issue), key: requestKey(issue) };
  const open = await port.findPullRequest({ ...target, state: 'open' });
  if (!open) return { comment: comment.action };
  await port.ensureComment(open.number, closedKey(issue), `The request in #${issue} changed and no longer holds: see the answer there.`);
  await port.closePullRequest(target);
  return { comment: comment.action, pr: { number: open.number, url: open.url, action: 'closed' } };
}

export interface SeatChange {
  root: string;
  remote: string;
  base: string;
  baseSha: string;
  file: string;
  text: string;
}

/** Pushes the seat line on the request's branch, opens or updates its pull request, and answers on the issue. */
export async function publishSeat(port: GitHubPort, inv: Inventory, issue: number, seat: RequestedSeat, change: SeatChange, cut: boolean): Promise<PublishResult> {
  const head = requestBranch(issue);
  const key = requestKey(issue);
  // A pull request a person closed without merging is their answer; one lac closed (the request had turned invalid) is not.
  const rejected = await port.findPullRequest({ head, key, state: 'closed' });
  if (rejected && !rejected.merged && !(await port.findPullRequest({ head, key, state: 'open' })) && !(await port.hasComment(rejected.number, closedKey(issue)))) {
    const comment = await port.ensureComment(issue, key, rejectedComment(rejected.number));
    return { comment: comment.action, pr: { number: rejected.number, url: rejected.url, action: 'rejected' } };
  }
  const git = await proposeOnBranch(change.root, { branch: head, base: change.baseSha, files: { [change.file]: change.text }, message: commitMessage(issue, seat), remote: change.remote });
  await port.ensureLabels([REQUEST_LABEL]);
  const owner = seat.license.owner === undefined ? undefined : inv.people.get(seat.license.owner)?.data;
  const team = seat.license.owner_team ? /^@[^/]+\/(.+)$/.exec(seat.license.owner_team)?.[1] : undefined;
  const state: RequestState = { v: 1, issue, person: seat.person.id, license: seat.license.id, tier: seat.tier.id };
  const pr = await port.ensurePullRequest({
    key,
    head,
    base: change.base,
    title: prTitle(issue, seat),
    body: prBody(issue, seat, change.file, cut),
    labels: [REQUEST_LABEL.name, `license:${seat.license.id}`, ...(inv.org?.data.github?.labels ?? [])],
    ...(owner?.github ? { reviewers: [owner.github] } : {}),
    ...(team ? { teamReviewers: [team] } : {}),
    state,
    ifClosed: 'create',
  });
  const comment = await port.ensureComment(issue, key, openedComment(seat, pr.number, owner?.name));
  return { comment: comment.action, pr: { number: pr.number, url: pr.url, action: pr.action }, branch: git.action };
}
