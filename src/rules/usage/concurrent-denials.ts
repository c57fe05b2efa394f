import { denialsByTier } from '../../analysis/concurrent.ts';
import { renewalPolicy } from '../../analysis/policy.ts';
import { locate } from '../../inventory/model.ts';
import { addDays } from '../../util/dates.ts';
import type { Rule } from '../rule.ts';

export const concurrentDenials: Rule = {
  id: 'concurrent-denials',
  severity: 'warning',
  doc: 'A license server turned people away because every concurrent seat was taken, within the usage window: the license is under-licensed.',
  check({ inv, today }, emit) {
    const window = renewalPolicy(inv.org?.data).usage_window_days;
    const from = addDays(today, 1 - window);
    for (const usage of inv.usage.values()) {
      for (const [tier, d] of denialsByTier(usage.data.peaks, from, today)) {
        emit({
          loc: locate(usage.src, ['peaks', d.worst.index, 'denials']),
          message: `${usage.data.license}${tier ? ` ${tier}` : ''}: ${d.total} ${d.total === 1 ? 'checkout' : 'checkouts'} refused for a full pool on ${d.days} ${d.days === 1 ? 'day' : 'days'} in the last ${window} days (most on ${d.worst.peak.date}: ${d.worst.peak.denials})`,
          hint: 'people waited for a seat: buy more concurrent seats (see `lac position`), or check the license server\'s MAX/RESERVE options',
        });
      }
    }
  },
};
