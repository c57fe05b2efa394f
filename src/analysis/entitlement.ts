import type { Inventory, Rec } from '../inventory/model.ts';
import { entitlesSeats } from './cost.ts';
import type { Contract } from '../inventory/schema/index.ts';
import type { IsoDate } from '../util/dates.ts';
import { inForce } from './terms.ts';

/** Seats entitled per tier of one license (Infinity for unlimited), and the contracts behind them. */
export interface Entitlement {
  tiers: Map<string, number>;
  contracts: Rec<Contract>[];
}

/** Licenses whose seats are not counted against a quantity. */
export const UNCOUNTED_TYPES = new Set(['site', 'usage-based', 'concurrent']);

/** The contracts whose `previous:` names each contract: its renewals or replacements. */
export function successorsOf(inv: Inventory): Map<string, Rec<Contract>[]> {
  const out = new Map<string, Rec<Contract>[]>();
  for (const rec of inv.contracts.values()) {
    const prev = rec.data.previous;
    if (prev === undefined || prev === rec.data.id) continue;
    out.set(prev, [...(out.get(prev) ?? []), rec]);
  }
  return out;
}

/**
 * Contracts in force on a day. A contract stops counting once a successor (`previous:` naming it)
 * has started: otherwise an auto-renewing contract that "rolls" past its end would be counted
 * again beside the renewal that replaced it, doubling the seats.
 */
export function contractsInForce(inv: Inventory, today: IsoDate): Rec<Contract>[] {
  const successors = successorsOf(inv);
  return [...inv.contracts.values()].filter(
    (rec) => inForce(rec.data, today) && !(successors.get(rec.data.id) ?? []).some((s) => s.data.start <= today),
  );
}

/** Contracts in force on a day, grouped by the licenses their lines name. */
export function contractsByLicense(inv: Inventory, today: IsoDate): Map<string, Rec<Contract>[]> {
  const out = new Map<string, Rec<Contract>[]>();
  for (const rec of contractsInForce(inv, today)) {
    for (const license of new Set(rec.data.lines.map((l) => l.license))) {
      const list = out.get(license) ?? [];
      list.push(rec);
      out.set(license, list);
    }
  }
  return out;
}

/** What every license is entitled to on a day, from the contracts in force (`byLicense`: contractsByLicense(inv, today), when the caller has it). */
export function entitlements(inv: Inventory, today: IsoDate, byLicense = contractsByLicense(inv, today)): Map<string, Entitlement> {
  const out = new Map<string, Entitlement>();
  for (const [license, contracts] of byLicense) {
    const tiers = new Map<string, number>();
    for (const c of contracts) {
      for (const line of c.data.lines) {
        if (line.license !== license || !entitlesSeats(line)) continue;
        const q = line.quantity === 'unlimited' ? Infinity : line.quantity;
        tiers.set(line.tier, (tiers.get(line.tier) ?? 0) + q);
      }
    }
    out.set(license, { tiers, contracts });
  }
  return out;
}
