import { locate } from '../inventory/model.ts';
import { isRetired, licenseName } from './describe.ts';
import type { Rule } from './rule.ts';

/** Every license type needs an owner while in use; retired licenses do not. */
export const licenseWithoutOwner: Rule = {
  id: 'license-without-owner',
  severity: 'warning',
  doc: 'A license has no owner: nobody answers for its renewal or reviews its reclaims.',
  check({ inv, today }, emit) {
    for (const { data: l, src } of inv.licenses.values()) {
      if (l.owner !== undefined || isRetired(l, today)) continue;
      emit({ loc: locate(src, ['id']), message: `license ${licenseName(l)} has no owner`, hint: 'add `owner: <person id>`: the person who answers for its renewals and reclaim reviews' });
    }
  },
};
