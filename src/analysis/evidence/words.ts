import type { ChangeApproval } from '../../history/approval.ts';
import type { Control } from './types.ts';

/** Said wherever a change's review record was not looked up: never "none". */
export const NOT_AVAILABLE = 'not available (no API access at build time)';

/** How a change's review reads in the packs: who approved it, or why nobody did. */
export function approvalText(a: ChangeApproval | null): string {
  switch (a?.status ?? 'unavailable') {
    case 'approved':
      return `approved by ${a!.approvers.join(', ') || 'a reviewer'}`;
    case 'not-approved':
      return 'merged without an approving review';
    case 'no-pull-request':
      return 'no pull request (pushed to the main line)';
    case 'unavailable':
      return NOT_AVAILABLE;
  }
}

/** Each control's title and what it shows, as the documents state it. */
export const CONTROL_TEXT: Record<Control, { title: string; description: string }> = {
  'access-removal': {
    title: 'Access removal for leavers',
    description: 'Every person whose last day (people.yaml end) falls in the period, each seat they held, the commit on the main line that took it out of the inventory, its pull request and who approved it, and the calendar days from the last day to the removal (org time zone; 0 or less: removed by the last day). A seat still held counts its days to today.',
  },
  'license-position': {
    title: 'License position per vendor at the period end',
    description: 'The effective license position on the period\'s last day (today while the period runs), from the inventory as it stood at the end of that day: seats entitled by the contracts in force against seats deployed (the larger of seats assigned and vendor accounts; concurrent licenses at their peak), the balance (negative: a shortfall) and its true-up cost per year, with the contract lines behind each entitlement.',
  },
  'unreviewed-changes': {
    title: 'Changes without an approving review',
    description: 'Every commit on the main line that landed in the period and changed the inventory, whose pull request was merged without an approving review by someone other than its author, or that came in without a pull request. Changes whose review record was not available are counted, not listed.',
  },
  'renewal-decisions': {
    title: 'Renewal decisions',
    description: 'Every commit on the main line that landed in the period and set a contract\'s renewal decision (renewal.decision) to renew, renegotiate or cancel: who decided (renewal.decided_by as that commit left it; else the commit\'s author), the date the file gives, and the pull request and its approval.',
  },
};
