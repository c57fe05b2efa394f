import { removalDays } from '../analysis/access.ts';
import { heldOverdue, removalDue, seatsHeldByLeavers } from '../analysis/offboarding/held.ts';
import { seatLoc } from '../inventory/model.ts';
import type { Rule } from './rule.ts';

export const leaverRemovalOverdue: Rule = {
  id: 'leaver-removal-overdue',
  severity: 'error',
  doc: 'A leaver still holds a seat more than `policies.offboarding.removal_days` (org.yaml; the rule is off without it) after their end date: the access removal auditors sample.',
  check({ inv, today }, emit) {
    // Without a stated deadline seat-held-by-leaver already reports every such seat.
    const days = removalDays(inv);
    if (days === undefined) return;
    // The same seats and deadline as the offboarding evidence (src/analysis/offboarding): its `held-overdue`.
    for (const { list, i, person } of seatsHeldByLeavers(inv)) {
      if (!heldOverdue(person.end, today, days)) continue;
      const seat = list.seats[i]!;
      emit({ loc: seatLoc(list, i, 'person'), message: `${person.name} (${person.id}) left on ${person.end}; the ${list.license} ${seat.tier} seat was due to go by ${removalDue(person.end, days)} and is still held`, hint: 'remove the seat (`lac provision`) and the account at the vendor' });
    }
  },
};
