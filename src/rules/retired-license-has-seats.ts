import { locate } from '../inventory/model.ts';
import { count, isRetired, licenseName, listSrc } from './describe.ts';
import type { Rule } from './rule.ts';

/** Every license type: a retired site or usage-based license should hold no seat lines either. */
export const retiredLicenseHasSeats: Rule = {
  id: 'retired-license-has-seats',
  severity: 'error',
  doc: 'A license retired before today still has seats assigned: access that should be gone, or a retirement that did not happen.',
  check({ inv, today }, emit) {
    for (const list of inv.assignments.values()) {
      const l = inv.licenses.get(list.license)?.data;
      if (!l || !isRetired(l, today) || list.seats.length === 0) continue;
      emit({
        loc: locate(listSrc(list), ['license']),
        message: `${licenseName(l)} was retired on ${l.retired} but ${count(list.seats.length, 'seat')} ${list.seats.length === 1 ? 'is' : 'are'} still assigned`,
        hint: `remove the seats (and the accounts at the vendor), or remove \`retired:\` from ${list.license} if it is still in use`,
      });
    }
  },
};
