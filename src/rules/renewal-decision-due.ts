import { successorsOf } from '../analysis/entitlement.ts';
import { cancelBy, hasDecision, renewalDate, termStatus } from '../analysis/terms.ts';
import { locate } from '../inventory/model.ts';
import { daysBetween } from '../util/dates.ts';
import { contractName, count, noticeText } from './describe.ts';
import type { Rule } from './rule.ts';

/** Days before the cancel-by date when a decision becomes due, unless org.yaml says otherwise. */
export const DEFAULT_DECISION_WINDOW_DAYS = 90;

/**
 * Within `policies.renewal.decision_window_days` before the cancel-by date of the term in force
 * (renewal date minus notice; see terms.ts `cancelBy`), with no decision and no successor. An
 * auto-renewing contract is handed to cancel-by-passed once that date is gone; a contract that
 * does not renew by itself keeps this warning until it ends (then contract-expired takes over).
 * License types do not matter here.
 */
export const renewalDecisionDue: Rule = {
  id: 'renewal-decision-due',
  severity: 'warning',
  doc: 'A renewal decision is due soon (policies.renewal.decision_window_days before the cancel-by date) and none is recorded.',
  check({ inv, today }, emit) {
    const window = inv.org?.data.policies?.renewal?.decision_window_days ?? DEFAULT_DECISION_WINDOW_DAYS;
    const successors = successorsOf(inv);
    for (const { data: c, src } of inv.contracts.values()) {
      if (successors.has(c.id)) continue;
      const status = termStatus(c, today);
      if ((status.state !== 'current' && status.state !== 'rolled') || hasDecision(c, status)) continue;
      const term = status.term!;
      const by = cancelBy(term, c.notice);
      const left = daysBetween(today, by);
      if (left > window || (c.auto_renew && left < 0)) continue;
      const due = left > 0 ? `due in ${count(left, 'day')}` : left === 0 ? 'due today' : `overdue by ${count(-left, 'day')}`;
      const rolled = status.rolls > 0 ? `, which already renewed by itself past its written end ${c.end},` : '';
      const message = c.auto_renew
        ? `contract ${contractName(c)}${rolled} renews by itself on ${renewalDate(term)} unless cancelled by ${by} (${noticeText(c.notice)}): decision ${due}, none recorded`
        : `contract ${contractName(c)} ends on ${term.end} and does not renew by itself: decide by ${by} (${noticeText(c.notice)}) whether to renew: ${due}, none recorded`;
      const record = 'record the decision in `renewal:` (decision: renew, renegotiate or cancel; decided_by; decided_on)';
      emit({
        loc: locate(src, c.renewal ? ['renewal', 'decision'] : ['end']),
        message,
        hint: status.rolls > 0 ? `update \`start\` and \`end\` to the term in force (${term.start} to ${term.end}), then ${record}` : record,
      });
    }
  },
};
