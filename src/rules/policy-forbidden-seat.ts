import { forbiddenBy, policiesOf } from '../analysis/access.ts';
import { seatLoc } from '../inventory/model.ts';
import { seatRule } from './seat-walk.ts';

export const policyForbiddenSeat = seatRule({
  id: 'policy-forbidden-seat',
  severity: 'error',
  doc: 'A person holds a seat that an access policy forbids them (e.g. a contractor with an admin tier).',
  visit({ inv, holders }, emit) {
    const policies = policiesOf(inv);
    if (policies.length === 0) return undefined;
    return {
      seat(list, seat, i, h) {
        const person = h < 0 ? undefined : holders.rec[h]!.data;
        const by = person && forbiddenBy(policies, person, list.license, seat.tier);
        if (!person || !by) return;
        emit({ loc: seatLoc(list, i, 'tier'), message: `${person.name} (${person.id}) holds a ${list.license} ${seat.tier} seat that policy ${by.policy} forbids`, hint: 'remove the seat or give another tier; `lac provision` proposes it' });
      },
    };
  },
});
