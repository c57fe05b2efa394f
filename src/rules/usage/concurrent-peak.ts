import { entitledFor, peaksByTier } from '../../analysis/concurrent.ts';
import { locate } from '../../inventory/model.ts';
import type { Rule } from '../rule.ts';

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

export const concurrentPeakExceedsEntitlement: Rule = {
  id: 'concurrent-peak-exceeds-entitlement',
  severity: 'error',
  doc: 'A concurrent (floating) license was in use by more people at once than the contracts entitle: a compliance gap.',
  check({ inv, entitlements }, emit) {
    for (const usage of inv.usage.values()) {
      const license = inv.licenses.get(usage.data.license);
      if (license?.data.type !== 'concurrent') continue;
      // Peaks per tier (license servers) are measured against that tier; peaks without one against the whole license.
      for (const [tier, list] of peaksByTier(usage.data.peaks)) {
        const entitled = entitledFor(entitlements.get(usage.data.license), tier);
        const over = list.filter((p) => p.peak.in_use > entitled);
        if (over.length === 0) continue;
        const worst = over.reduce((a, b) => (b.peak.in_use > a.peak.in_use ? b : a));
        emit({
          loc: locate(usage.src, ['peaks', worst.index, 'in_use']),
          message: `${usage.data.license}${tier ? ` ${tier}` : ''}: ${worst.peak.in_use} in use at once on ${worst.peak.date}, ${entitled} entitled; over on ${days(over.length)}`,
          hint: 'buy more concurrent seats, or cap the license server at the entitled count',
        });
      }
    }
  },
};
