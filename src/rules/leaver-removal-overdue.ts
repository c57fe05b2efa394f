import { removalDays } from '../analysis/access.ts';
import { seatLoc } from '../inventory/model.ts';
import { addDays } from '../util/dates.ts';
import type { Rule } from './rule.ts';

export const leaverRemovalOverdue: Rule = {
  id: 'leaver-removal-overdue',
  severity: 'error',
  doc: 'A leaver still holds a seat more than `policies.offboarding.removal_days` (org.yaml; the rule is off without it) after their end date: the access removal auditors sample.',
  check({ inv, today }, emit) {
    // Without a stated deadline seat-held-by-leaver already reports every such seat.
    const days = removalDays(inv);
    if (days === undefined) return;
    for (const list of inv.assignments.values()) {
      list.seats.forEach((seat, i) => {
        const person = seat.person === undefined ? undefined : inv.people.get(seat.person)?.data;
        if (!person?.end || person.status !== 'leaver') return;
        const due = addDays(person.end, days);
        if (due >= today) return;
        emit({ loc: seatLoc(list, i, 'person'), message: `${person.name} (${person.id}) left on ${person.end}; the ${list.license} ${seat.tier} seat was due to go by ${due} and is still held`, hint: 'remove the seat (`lac provision`) and the account at the vendor' });
      });
    }
  },
};
