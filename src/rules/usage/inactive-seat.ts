import { IDLE_REASONS, licenseVerdicts } from '../../analysis/reclaim/verdicts.ts';
import { seatLoc } from '../../inventory/model.ts';
import type { Rule } from '../rule.ts';

/**
 * Reports exactly the seats `lac reclaim` proposes as inactive or never used, from the same
 * function (src/analysis/reclaim/verdicts.ts): the license's reclaim policy decides (`enabled`,
 * exemptions, minimum tenure), so an exempted person is not warned about (issue 11).
 */
export const inactiveSeat: Rule = {
  id: 'inactive-seat',
  severity: 'warning',
  doc: 'A seat that `lac reclaim` would propose to remove as inactive or never used, under the license\'s reclaim policy.',
  check({ inv, today, entitlements }, emit) {
    for (const usage of inv.usage.values()) {
      const id = usage.data.license;
      const list = inv.assignments.get(id);
      const judged = licenseVerdicts(inv, id, today, entitlements.get(id)?.contracts ?? []);
      if (!list || !judged) continue;
      for (const { view: a, verdict } of judged.seats) {
        if (!verdict.propose || !IDLE_REASONS.has(verdict.reason)) continue;
        const status = a.state === 'suspended' || a.state === 'deactivated' ? `its account is ${a.state}` : a.state === 'never' ? `never used in ${a.daysInactive} days held` : `last active ${a.lastActive} (${a.daysInactive} days ago)`;
        emit({
          loc: seatLoc(list, a.i, 'person'),
          message: `${a.seat.person}'s ${id} ${a.seat.tier} seat: ${status}; the policy allows ${judged.policy.inactive_days} days`,
          hint: 'run `lac reclaim --dry-run` to see the proposal, or exempt the person in the license\'s reclaim policy',
        });
      }
    }
  },
};
