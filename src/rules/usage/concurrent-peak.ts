import { locate } from '../../inventory/model.ts';
import type { Rule } from '../rule.ts';

export const concurrentPeakExceedsEntitlement: Rule = {
  id: 'concurrent-peak-exceeds-entitlement',
  severity: 'error',
  doc: 'A concurrent (floating) license was in use by more people at once than the contracts entitle: a compliance gap.',
  check({ inv, entitlements }, emit) {
    for (const usage of inv.usage.values()) {
      const license = inv.licenses.get(usage.data.license);
      if (license?.data.type !== 'concurrent' || !usage.data.peaks?.length) continue;
      const ent = entitlements.get(usage.data.license);
      const entitled = ent ? [...ent.tiers.values()].reduce((a, b) => a + b, 0) : 0;
      let worst = -1;
      usage.data.peaks.forEach((p, i) => {
        if (p.in_use > entitled && (worst === -1 || p.in_use > usage.data.peaks![worst]!.in_use)) worst = i;
      });
      if (worst === -1) continue;
      const peak = usage.data.peaks[worst]!;
      const over = usage.data.peaks.filter((p) => p.in_use > entitled).length;
      emit({
        loc: locate(usage.src, ['peaks', worst, 'in_use']),
        message: `${usage.data.license}: ${peak.in_use} in use at once on ${peak.date}, ${entitled} entitled; over on ${over} ${over === 1 ? 'day' : 'days'}`,
        hint: 'buy more concurrent seats, or cap the license server at the entitled count',
      });
    }
  },
};
