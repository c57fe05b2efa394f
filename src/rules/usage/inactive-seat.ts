import { seatActivity } from '../../analysis/activity.ts';
import { reclaimPolicy } from '../../analysis/policy.ts';
import { seatLoc } from '../../inventory/model.ts';
import type { Rule } from '../rule.ts';
import { freeTiers } from '../../analysis/cost.ts';

export const inactiveSeat: Rule = {
  id: 'inactive-seat',
  severity: 'warning',
  doc: 'A seat shows no activity for longer than the license\'s inactive-days policy: a candidate for reclaim.',
  check({ inv, today, entitlements }, emit) {
    for (const usage of inv.usage.values()) {
      const list = inv.assignments.get(usage.data.license);
      const license = inv.licenses.get(usage.data.license);
      if (!list || !license) continue;
      const policy = reclaimPolicy(inv.org?.data, license.data);
      const free = freeTiers(entitlements.get(license.data.id)?.contracts ?? [], license.data.id);
      for (const a of seatActivity(list, usage.data, policy.inactive_days, today)) {
        // An idle seat of a free tier (a viewer, say) costs nothing to keep.
        if ((a.state !== 'inactive' && a.state !== 'never') || free.has(a.seat.tier)) continue;
        const status = a.account?.status === 'suspended' || a.account?.status === 'deactivated' ? `its account is ${a.account.status}` : a.state === 'never' ? `never used in ${a.daysInactive} days held` : `last active ${a.lastActive} (${a.daysInactive} days ago)`;
        emit({
          loc: seatLoc(list, a.i, 'person'),
          message: `${a.seat.person}'s ${usage.data.license} ${a.seat.tier} seat: ${status}; the policy allows ${policy.inactive_days} days`,
          hint: 'run `lac reclaim --dry-run` to see the proposal, or exempt the person in the license\'s reclaim policy',
        });
      }
    }
  },
};
