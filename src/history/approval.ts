// The review record of a change: who reviewed and approved the pull request it landed by, who
// merged it, and whether GitHub verified the commit's signature. Read from the GitHub API when a
// token is present (kept in the history cache, so a later build without the API still has it).

/**
 * approved: the pull request had an approving review by someone other than its author;
 * not-approved: it was merged without one; no-pull-request: the change was pushed directly;
 * unavailable: no API access when this was read, and nothing cached ("not available", never "none").
 */
export type ApprovalStatus = 'approved' | 'not-approved' | 'no-pull-request' | 'unavailable';

/** verified/unverified as GitHub (or `git verify-commit` with configured keys) judged it; unsigned: no signature. */
export type SignatureStatus = 'verified' | 'unverified' | 'unsigned' | 'unavailable';

export interface ChangeApproval {
  status: ApprovalStatus;
  /** The pull request's number: the commit message's, or the one GitHub says holds the commit. */
  prNumber?: number;
  /** The pull request's title and web address, when known (title is untrusted text: escape it). */
  prTitle?: string;
  prUrl?: string;
  /** GitHub logins: everyone who left a review, and those whose last review approved. */
  reviewers: string[];
  approvers: string[];
  /** Who merged the pull request (GitHub login), when known. */
  merger?: string;
  signature: SignatureStatus;
  /** GitHub's reason for its verdict on the signature (valid, unsigned, unknown_key, ...), when it was asked. */
  signatureReason?: string;
  /** The pull request's author (GitHub login): their own approval does not count. */
  prAuthor?: string;
}

/** What the fields say when nothing was looked up: never "none", which would claim there was no review. */
export const NOT_AVAILABLE = 'not available (no API access at build time)';
