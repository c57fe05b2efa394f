import { NOT_AVAILABLE, type ChangeApproval } from './approval.ts';

const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : 'nobody');

/** The approval in words: "approved by carol", "merged without an approving review", "not available (...)". */
export function approvalWords(a: ChangeApproval): string {
  switch (a.status) {
    case 'approved': return `approved by ${a.approvers.join(', ')}`;
    case 'not-approved': return 'merged without an approving review';
    case 'no-pull-request': return 'pushed without a pull request';
    case 'unavailable': return NOT_AVAILABLE;
  }
}

/** The signature in words; "unavailable" says why, never "none". */
export function signatureWords(a: ChangeApproval): string {
  if (a.signature === 'unavailable') return `signed, verification ${NOT_AVAILABLE}`;
  return a.signatureReason && a.signature !== 'verified' && a.signatureReason !== 'unsigned' ? `${a.signature} (${a.signatureReason})` : a.signature;
}

/** Reviewers, or "not available" when nothing was looked up (an empty list would read as "nobody reviewed"). */
export const reviewersWords = (a: ChangeApproval): string => (a.status === 'unavailable' ? NOT_AVAILABLE : list(a.reviewers));
export const approversWords = (a: ChangeApproval): string => (a.status === 'unavailable' ? NOT_AVAILABLE : list(a.approvers));
export const mergerWords = (a: ChangeApproval): string => a.merger ?? (a.status === 'unavailable' ? NOT_AVAILABLE : a.status === 'no-pull-request' ? '' : 'unknown');

/** One line per commit for `lac history`'s text output. */
export function approvalLine(a: ChangeApproval, committer: string | undefined): string {
  const parts = [approvalWords(a)];
  if (a.status !== 'unavailable' && a.status !== 'no-pull-request') parts.push(`reviewed by ${list(a.reviewers)}`);
  if (a.prTitle !== undefined) parts.push(`PR ${a.prNumber ? `#${a.prNumber} ` : ''}"${a.prTitle}"${a.prUrl ? ` ${a.prUrl}` : ''}`);
  if (a.merger) parts.push(`merged by ${a.merger}`);
  if (committer) parts.push(`committed by ${committer}`);
  parts.push(`signature ${signatureWords(a)}`);
  return parts.join('; ');
}
