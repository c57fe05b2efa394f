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
      const seats = list.seats;
      // Indexed loops: a large org's seat file holds 85,000 seats, and lac diff runs this without TurboFan.
      const counts = new Map<string, number>();
      for (let i = 0; i < seats.length; i++) {
        const tier = seats[i]!.tier;
        counts.set(tier, (counts.get(tier) ?? 0) + 1);
      }
      // Mostly every tier is within its entitlement: then no seat is over, and the list is not walked again.
      if (![...counts].some(([tier, n]) => tiers.has(tier) && n > (ent.tiers.get(tier) ?? 0))) continue;
      const seen = new Map<string, number>();
      for (let i = 0; i < seats.length; i++) {
        const seat = seats[i]!;
        if (!tiers.has(seat.tier)) continue;
        const n = (seen.get(seat.tier) ?? 0) + 1;
        seen.set(seat.tier, n);
        const entitled = ent.tiers.get(seat.tier) ?? 0;
        if (n !== entitled + 1) continue;
        const assigned = counts.get(seat.tier)!;
        const by = ent.contracts.map((c) => c.data.id).join(', ');
        emit({
          loc: seatLoc(list, i),
          message: `${list.license} ${seat.tier}: ${assigned} ${assigned === 1 ? 'seat' : 'seats'} assigned, ${entitled} entitled by ${by}; ${assigned - entitled} over (from this seat on)`,
          hint: 'remove seats, or add the missing seats to a contract line',
        });
      }
    }
  },
};
