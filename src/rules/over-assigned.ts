import { UNCOUNTED_TYPES } from '../analysis/entitlement.ts';
import { seatLoc } from '../inventory/model.ts';
import type { Rule } from './rule.ts';

/**
 * Counts seats per tier against the contracts in force. Site, concurrent and usage-based
 * licenses are not counted (UNCOUNTED_TYPES): their seat lines record who may use them, and a
 * concurrent license's limit is on peak use, which the usage snapshots measure.
 */
export const overAssigned: Rule = {
  id: 'over-assigned',
  severity: 'error',
  doc: 'More seats are assigned in a tier than the contracts in force today entitle: a true-up bill or an audit finding.',
  check({ inv, entitlements }, emit) {
    for (const list of inv.assignments.values()) {
      const license = inv.licenses.get(list.license);
      const ent = entitlements.get(list.license);
      if (!license || !ent || UNCOUNTED_TYPES.has(license.data.type)) continue;
      const tiers = new Set(license.data.tiers.map((t) => t.id));
      const counts = new Map<string, number>();
      list.seats.forEach((seat) => counts.set(seat.tier, (counts.get(seat.tier) ?? 0) + 1));
      const seen = new Map<string, number>();
      list.seats.forEach((seat, i) => {
        if (!tiers.has(seat.tier)) return;
        const n = (seen.get(seat.tier) ?? 0) + 1;
        seen.set(seat.tier, n);
        const entitled = ent.tiers.get(seat.tier) ?? 0;
        if (n !== entitled + 1) return;
        const assigned = counts.get(seat.tier)!;
        const by = ent.contracts.map((c) => c.data.id).join(', ');
        emit({
          loc: seatLoc(list, i),
          message: `${list.license} ${seat.tier}: ${assigned} ${assigned === 1 ? 'seat' : 'seats'} assigned, ${entitled} entitled by ${by}; ${assigned - entitled} over (from this seat on)`,
          hint: 'remove seats, or add the missing seats to a contract line',
        });
      });
    }
  },
};
