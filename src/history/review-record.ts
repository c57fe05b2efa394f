import type { PullFacts, ReviewFacts, VerificationFacts } from '../github/reviews.ts';
import type { ChangeApproval, SignatureStatus } from './approval.ts';
import type { CommitInfo } from './commits.ts';

/** What GitHub said about one commit: kept in the history cache, judged by `approvalOf`. */
export interface LookedUp {
  /** The pull request the commit landed by (from its message, else from GitHub); null: none. */
  pr: number | null;
  /** null: GitHub has no such pull request. */
  pull: PullFacts | null;
  reviews: ReviewFacts[];
  /** null: GitHub gave no verdict. */
  verification: VerificationFacts | null;
}

// A COMMENTED review neither gives nor withdraws an approval (GitHub's own rule for "approved").
const DECIDING = new Set(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED']);

/** Everyone who reviewed, and those whose last deciding review approved, the PR's author never counting. */
export function judgeReviews(reviews: readonly ReviewFacts[], author: string | null): { reviewers: string[]; approvers: string[] } {
  const last = new Map<string, string>();
  const reviewers = new Set<string>();
  for (const r of reviews) {
    if (!r.login || r.state === 'PENDING') continue;
    reviewers.add(r.login);
    if (DECIDING.has(r.state)) last.set(r.login, r.state);
  }
  const approvers = [...last].filter(([login, state]) => state === 'APPROVED' && login !== author).map(([login]) => login);
  return { reviewers: [...reviewers].sort(), approvers: approvers.sort() };
}

function signatureOf(v: VerificationFacts | null | undefined, info: CommitInfo): SignatureStatus {
  if (!v) return info.signed ? 'unavailable' : 'unsigned';
  if (v.verified) return 'verified';
  return v.reason === 'unsigned' && !info.signed ? 'unsigned' : 'unverified';
}

/**
 * The review record of a commit from what GitHub said (undefined: nothing known, "not available").
 * prUrl builds the PR's address on the repository's own host: GitHub's html_url is never used.
 */
export function approvalOf(looked: LookedUp | undefined, info: CommitInfo, prUrl: (n: number) => string | null): ChangeApproval {
  // Without the API, git still tells who merged a merge commit: its author (GitHub's web merges
  // make the user who pressed the button the author and "GitHub" the committer).
  const gitMerger = info.parents > 1 && info.author ? { merger: info.author } : {};
  if (!looked) return { status: 'unavailable', reviewers: [], approvers: [], ...gitMerger, signature: signatureOf(undefined, info) };
  const signature = signatureOf(looked.verification, info);
  const reason = looked.verification ? { signatureReason: looked.verification.reason } : {};
  if (looked.pr === null || !looked.pull) return { status: 'no-pull-request', reviewers: [], approvers: [], ...gitMerger, signature, ...reason };
  const { pull } = looked;
  const { reviewers, approvers } = judgeReviews(looked.reviews, pull.author);
  const url = prUrl(looked.pr);
  return {
    status: approvers.length > 0 ? 'approved' : 'not-approved',
    prNumber: looked.pr, prTitle: pull.title, ...(url ? { prUrl: url } : {}),
    reviewers, approvers,
    ...(pull.mergedBy ? { merger: pull.mergedBy } : gitMerger),
    signature, ...reason,
    ...(pull.author ? { prAuthor: pull.author } : {}),
  };
}
