import { forbiddenBy, policiesOf } from '../analysis/access.ts';
import { seatLoc } from '../inventory/model.ts';
import type { Rule } from './rule.ts';

export const policyForbiddenSeat: Rule = {
  id: 'policy-forbidden-seat',
  severity: 'error',
  doc: 'A person holds a seat that an access policy forbids them (e.g. a contractor with an admin tier).',
  check({ inv }, emit) {
    const policies = policiesOf(inv);
    if (policies.length === 0) return;
    for (const list of inv.assignments.values()) {
      list.seats.forEach((seat, i) => {
        const person = seat.person === undefined ? undefined : inv.people.get(seat.person)?.data;
        const by = person && forbiddenBy(policies, person, list.license, seat.tier);
        if (!person || !by) return;
        emit({ loc: seatLoc(list, i, 'tier'), message: `${person.name} (${person.id}) holds a ${list.license} ${seat.tier} seat that policy ${by.policy} forbids`, hint: 'remove the seat or give another tier; `lac provision` proposes it' });
      });
    }
  },
};
