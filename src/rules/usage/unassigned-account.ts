import { locate } from '../../inventory/model.ts';
import type { Rule } from '../rule.ts';

const BILLABLE = new Set(['active', 'invited', undefined]);

export const unassignedAccount: Rule = {
  id: 'unassigned-account',
  severity: 'warning',
  doc: 'The vendor has an account that no seat in the inventory accounts for: a shadow or forgotten seat that is paid for.',
  check({ inv }, emit) {
    for (const usage of inv.usage.values()) {
      const list = inv.assignments.get(usage.data.license);
      const holders = new Set(list?.seats.map((s) => s.person) ?? []);
      usage.data.accounts.forEach((a, i) => {
        if (!BILLABLE.has(a.status)) return;
        if (a.person && holders.has(a.person)) return;
        const who = a.person ? `${a.account} (${a.person})` : `${a.account} (matches nobody in people.yaml)`;
        emit({
          loc: locate(usage.src, ['accounts', i, 'account']),
          message: `${who} has a ${usage.data.license} account${a.tier ? ` (${a.tier})` : ''} but no seat in inventory/assignments/${usage.data.license}.yaml`,
          hint: a.person ? 'add the seat to the assignments file, or remove the account at the vendor' : 'add the address as an alias of its person, or remove the account at the vendor',
        });
      });
    }
  },
};
