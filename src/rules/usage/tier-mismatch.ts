import { seatLoc } from '../../inventory/model.ts';
import type { Rule } from '../rule.ts';

export const tierMismatch: Rule = {
  id: 'tier-mismatch',
  severity: 'warning',
  doc: 'The vendor reports another tier for a seat than the inventory: one of the two is wrong, and the invoice follows the vendor.',
  check({ inv, accounts }, emit) {
    for (const usage of inv.usage.values()) {
      const list = inv.assignments.get(usage.data.license);
      const license = inv.licenses.get(usage.data.license);
      if (!list || !license) continue;
      const tiers = new Set(license.data.tiers.map((t) => t.id));
      const byPerson = accounts(usage.data);
      list.seats.forEach((seat, i) => {
        const vendorTier = seat.person ? byPerson.get(seat.person)?.account.tier : undefined;
        if (!vendorTier || !tiers.has(vendorTier) || vendorTier === seat.tier) return;
        emit({
          loc: seatLoc(list, i, 'tier'),
          message: `${seat.person} holds ${seat.tier} in the inventory but ${vendorTier} at the vendor (snapshot of ${usage.data.taken.slice(0, 10)})`,
          hint: `change the tier here to ${vendorTier}, or change it at the vendor`,
        });
      });
    }
  },
};
