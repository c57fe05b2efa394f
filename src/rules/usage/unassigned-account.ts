import { locate } from '../../inventory/model.ts';
import type { Account, Seat } from '../../inventory/schema/index.ts';
import type { Rule } from '../rule.ts';

const BILLABLE = new Set(['active', 'invited', undefined]);

export const unassignedAccount: Rule = {
  id: 'unassigned-account',
  severity: 'warning',
  doc: 'The vendor has an account that no seat in the inventory accounts for: a shadow or forgotten seat that is paid for.',
  check({ inv }, emit) {
    for (const usage of inv.usage.values()) {
      const holders = seatHolders(inv.assignments.get(usage.data.license)?.seats ?? [], usage.data.accounts);
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

/**
 * The people among the accounts' who hold a seat. From the smaller side: a snapshot cut down to a few
 * accounts (lac diff) is looked up in the seats, not 85,000 seats put in a set for it.
 */
function seatHolders(seats: readonly Seat[], accounts: readonly Account[]): Set<unknown> {
  if (seats.length <= accounts.length) return new Set<unknown>(seats.map((s) => s.person));
  const named = new Set<unknown>(accounts.map((a) => a.person).filter((p) => p !== undefined));
  const out = new Set<unknown>();
  if (named.size === 0) return out;
  // Indexed: without TurboFan (lac diff's thread) for...of allocates per seat.
  for (let i = 0; i < seats.length; i++) if (named.has(seats[i]!.person)) out.add(seats[i]!.person);
  return out;
}
