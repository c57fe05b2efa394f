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
      list(list, holder) {
        for (let i = 0; i < holder.length; i++) {
          const h = holder[i]!;
          if (h < 0) continue;
          const person = holders.rec[h]!.data;
          const seat = list.seats[i]!;
          const by = forbiddenBy(policies, person, list.license, seat.tier);
          if (!by) continue;
          emit({ loc: seatLoc(list, i, 'tier'), message: `${person.name} (${person.id}) holds a ${list.license} ${seat.tier} seat that policy ${by.policy} forbids`, hint: 'remove the seat or give another tier; `lac provision` proposes it' });
        }
      },
    };
  },
});
