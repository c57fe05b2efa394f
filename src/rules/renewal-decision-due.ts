import { successorsOf } from '../analysis/entitlement.ts';
import { renewalPolicy } from '../analysis/policy.ts';
import { cancelBy, decisionDueDate, hasDecision, renewalDate, termStatus } from '../analysis/terms.ts';
import { locate } from '../inventory/model.ts';
import { daysBetween } from '../util/dates.ts';
import { contractName, count, noticeText } from './describe.ts';
import type { Rule } from './rule.ts';

/**
 * From the decision date on — `policies.renewal.decision_window_days` before the cancel-by date of
 * the term in force (renewal date minus notice; terms.ts `cancelBy`, `decisionDueDate`) — with no
 * decision and no successor; the message counts to the decision date, as `lac renewals` shows it. An
 * auto-renewing contract is handed to cancel-by-passed once that date is gone; a contract that
 * does not renew by itself keeps this warning until it ends (then contract-expired takes over).
 * License types do not matter here.
 */
export const renewalDecisionDue: Rule = {
  id: 'renewal-decision-due',
  severity: 'warning',
  doc: 'A renewal decision is due (policies.renewal.decision_window_days before the cancel-by date) and none is recorded.',
  check({ inv, today }, emit) {
    const window = renewalPolicy(inv.org?.data).decision_window_days;
    const successors = successorsOf(inv);
    for (const { data: c, src } of inv.contracts.values()) {
      if (successors.has(c.id)) continue;
      const status = termStatus(c, today);
      if ((status.state !== 'current' && status.state !== 'rolled') || hasDecision(c, status)) continue;
      const term = status.term!;
      const by = cancelBy(term, c.notice);
      const decideOn = decisionDueDate(by, window);
      const toDecision = daysBetween(today, decideOn);
      if (toDecision > 0 || (c.auto_renew && daysBetween(today, by) < 0)) continue;
      const due = `due on ${decideOn} (${toDecision === 0 ? 'today' : `overdue by ${count(-toDecision, 'day')}`}, ${window} days before cancel-by)`;
      const rolled = status.rolls > 0 ? `, which already renewed by itself past its written end ${c.end},` : '';
      const message = c.auto_renew
        ? `contract ${contractName(c)}${rolled} renews by itself on ${renewalDate(term)} unless cancelled by ${by} (${noticeText(c.notice)}): decision ${due}, none recorded`
        : `contract ${contractName(c)} ends on ${term.end} and does not renew by itself; its notice date is ${by} (${noticeText(c.notice)}): decision whether to renew ${due}, none recorded`;
      const record = 'record the decision in `renewal:` (decision: renew, renegotiate or cancel; decided_by; decided_on)';
      emit({
        loc: locate(src, c.renewal ? ['renewal', 'decision'] : ['end']),
        message,
        hint: status.rolls > 0 ? `update \`start\` and \`end\` to the term in force (${term.start} to ${term.end}), then ${record}` : record,
      });
    }
  },
};
