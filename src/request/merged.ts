// `lac request --merged-pr N`: once a request's pull request is merged, say so on the issue and
// close it (GitHub's closing keyword usually has; a merge into another branch does not close it).
import type { CloseResult, EnsureAction, GitHubPort } from '../github/port.ts';
import { requestBranch, requestKey, type RequestState } from './publish.ts';
import { RequestError } from './run.ts';
import { grantedComment } from './text.ts';

export interface GrantedOutcome {
  issue: number;
  comment: EnsureAction;
  close: CloseResult['action'];
}

/** Comments "granted in #PR" on the request's issue and closes it; undefined when the pull request is not merged. */
export async function grantMerged(port: GitHubPort, prNumber: number): Promise<GrantedOutcome | undefined> {
  const pr = await port.getPullRequest(prNumber);
  if (!pr) throw new RequestError(`${port.repository.owner}/${port.repository.repo} has no pull request #${prNumber}`);
  const state = pr.hiddenState as Partial<RequestState> | undefined;
  const issue = state?.issue;
  // The branch, the hidden key and the state must agree: a pull request lac did not open for a request is left alone.
  if (typeof issue !== 'number' || pr.head !== requestBranch(issue) || pr.key !== requestKey(issue) || !state?.person || !state.license || !state.tier) {
    throw new RequestError(`pull request #${prNumber} is not a license request's (no lac/request/<issue> branch with lac's hidden state)`);
  }
  if (!pr.merged) return undefined;
  const comment = await port.ensureComment(issue, `${requestKey(issue)}/granted`, grantedComment(prNumber, { person: state.person, license: state.license, tier: state.tier }));
  const closed = await port.closeIssueNumber(issue, 'completed');
  return { issue, comment: comment.action, close: closed.action };
}
