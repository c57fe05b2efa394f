import { seatLoc } from '../../inventory/model.ts';
import type { Rule } from '../rule.ts';

export const assignedWithoutAccount: Rule = {
  id: 'assigned-without-account',
  severity: 'warning',
  doc: 'A seat is assigned in the inventory but the vendor has no account for its holder: the seat is paid for and unused, or the holder is unmatched.',
  check({ inv, accounts }, emit) {
    for (const usage of inv.usage.values()) {
      const list = inv.assignments.get(usage.data.license);
      if (!list) continue;
      const byPerson = accounts(usage.data);
      list.seats.forEach((seat, i) => {
        if (!seat.person || byPerson.has(seat.person)) return;
        emit({
          loc: seatLoc(list, i, 'person'),
          message: `${seat.person} holds a ${usage.data.license} ${seat.tier} seat but has no account in the snapshot of ${usage.data.taken.slice(0, 10)}`,
          hint: 'remove the seat, or add the vendor login as an alias of the person in people.yaml',
        });
      });
    }
  },
};
