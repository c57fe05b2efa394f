import { grantedSeats, inPolicyScope, policiesOf, seatsByPerson } from '../analysis/access.ts';
import { locate } from '../inventory/model.ts';
import type { Rule } from './rule.ts';

export const policyMissingSeat: Rule = {
  id: 'policy-missing-seat',
  severity: 'warning',
  doc: 'An access policy says a person (started, not left) should hold a seat, and they do not.',
  check({ inv, today }, emit) {
    const policies = policiesOf(inv);
    if (policies.length === 0) return;
    const held = seatsByPerson(inv);
    for (const rec of inv.people.values()) {
      const person = rec.data;
      if (!inPolicyScope(person, today)) continue;
      const mine = held.get(person.id) ?? [];
      for (const want of grantedSeats(policies, person)) {
        if (!inv.licenses.has(want.license) || mine.some((s) => s.license === want.license && s.tier === want.tier)) continue;
        emit({ loc: locate(rec.src), message: `${person.name} (${person.id}) should hold a ${want.license} ${want.tier} seat under policy ${want.policy}, and does not`, hint: 'run `lac provision` to add it, or add the person to the policy\'s `except`' });
      }
    }
  },
};
