import { successorsOf } from '../analysis/entitlement.ts';
import { cancelBy, hasDecision, renewalDate, termStatus } from '../analysis/terms.ts';
import { locate } from '../inventory/model.ts';
import { daysBetween } from '../util/dates.ts';
import { contractName, count, noticeText } from './describe.ts';
import type { Rule } from './rule.ts';

/**
 * An auto-renewing contract past the cancel-by date of the term in force with no decision for
 * that term and no successor (`previous:` naming it). Rolled terms never carry a decision, so
 * a contract that renewed by itself is reported until its dates are moved to the term in force.
 * License types do not matter here: the money is committed whatever is assigned.
 */
export const cancelByPassed: Rule = {
  id: 'cancel-by-passed',
  severity: 'error',
  doc: 'An auto-renewing contract passed its cancel-by date with no renewal decision recorded: it renews whether or not anyone wanted it.',
  check({ inv, today }, emit) {
    const successors = successorsOf(inv);
    for (const { data: c, src } of inv.contracts.values()) {
      if (!c.auto_renew || successors.has(c.id)) continue;
      const status = termStatus(c, today);
      if ((status.state !== 'current' && status.state !== 'rolled') || hasDecision(c, status)) continue;
      const term = status.term!;
      const by = cancelBy(term, c.notice);
      if (by >= today) continue;
      const renews = renewalDate(term);
      const since = count(daysBetween(by, today), 'day');
      const loc = locate(src, c.notice ? ['notice'] : ['end']);
      if (status.rolls === 0) {
        emit({
          loc,
          message: `contract ${contractName(c)}: the cancel-by date ${by} passed ${since} ago (${noticeText(c.notice)} before it renews on ${renews}) and no renewal decision is recorded`,
          hint: `if it was cancelled or renegotiated in time, record that in \`renewal:\` (decision, decided_by, decided_on); if not, it renews on ${renews}: record \`decision: renew\``,
        });
      } else {
        emit({
          loc,
          message: `contract ${contractName(c)} renewed by itself ${count(status.rolls, 'time')} past its written end ${c.end}; for the term ${term.start} to ${term.end} the cancel-by date ${by} passed ${since} ago (renews again on ${renews}) and no decision is recorded`,
          hint: `update \`start\` and \`end\` to the term in force (${term.start} to ${term.end}) and record its decision in \`renewal:\``,
        });
      }
    }
  },
};
