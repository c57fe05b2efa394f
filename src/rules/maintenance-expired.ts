import { locate } from '../inventory/model.ts';
import { daysBetween } from '../util/dates.ts';
import { count, isRetired, licenseName } from './describe.ts';
import type { Rule } from './rule.ts';

/** Perpetual licenses only: a subscription, site or usage-based license includes support while its contract runs. */
export const maintenanceExpired: Rule = {
  id: 'maintenance-expired',
  severity: 'warning',
  doc: 'The maintenance of a perpetual license has ended: no updates or support, and reinstating it later often costs back fees.',
  check({ inv, today }, emit) {
    for (const { data: l, src } of inv.licenses.values()) {
      const end = l.maintenance?.end;
      if (l.type !== 'perpetual' || end === undefined || end >= today || isRetired(l, today)) continue;
      emit({
        loc: locate(src, ['maintenance', 'end']),
        message: `maintenance of ${licenseName(l)} ended on ${end}, ${count(daysBetween(end, today), 'day')} ago: no updates or support since`,
        hint: 'renew the maintenance and update `maintenance:` (start, end, contract), or remove `maintenance:` if it lapsed on purpose',
      });
    }
  },
};
