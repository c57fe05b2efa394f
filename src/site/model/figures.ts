import { seatActivity, type SeatState } from '../../analysis/activity.ts';
import { annualLineCost } from '../../analysis/cost.ts';
import { contractsByLicense, UNCOUNTED_TYPES } from '../../analysis/entitlement.ts';
import { reclaimPolicy } from '../../analysis/policy.ts';
import { seatLoc, type Inventory } from '../../inventory/model.ts';
import type { License } from '../../inventory/schema/index.ts';
import type { IsoDate } from '../../util/dates.ts';
import { divRound, parseAmount, type Micros } from '../../util/money.ts';
import { dec, inOrgCurrency } from './money.ts';
import type { LicenseFigures, SeatRow, TierFigures } from './types.ts';

// Seats that hold a license without being used: they count as waste.
const IDLE: ReadonlySet<SeatState> = new Set(['inactive', 'never', 'no-account']);

export interface Figures {
  licenses: LicenseFigures[];
  seats: SeatRow[];
  /** Annual unit cost per license and tier (micros, org currency), for chargeback. */
  tierCost: Map<string, Map<string, { total: Micros; unit: Micros | undefined }>>;
}

/** Entitled, assigned and active seats, cost and waste of every license on a day. */
export function licenseFigures(inv: Inventory, today: IsoDate): Figures {
  const byLicense = contractsByLicense(inv, today);
  const licenses: LicenseFigures[] = [];
  const seats: SeatRow[] = [];
  const tierCost: Figures['tierCost'] = new Map();
  for (const rec of [...inv.licenses.values()].sort((a, b) => (a.data.id < b.data.id ? -1 : 1))) {
    const lic = rec.data;
    const bought = new Map<string, { qty: number | 'unlimited'; cost: Micros; counted: number }>();
    for (const c of byLicense.get(lic.id) ?? []) {
      for (const line of c.data.lines) {
        if (line.license !== lic.id) continue;
        const b = bought.get(line.tier) ?? { qty: 0, cost: 0n, counted: 0 };
        b.qty = line.quantity === 'unlimited' || b.qty === 'unlimited' ? 'unlimited' : b.qty + line.quantity;
        b.cost += inOrgCurrency(inv, annualLineCost(line, c.data), c.data);
        if (line.quantity !== 'unlimited') b.counted += line.quantity;
        bought.set(line.tier, b);
      }
    }
    const list = inv.assignments.get(lic.id);
    const usage = inv.usage.get(lic.id)?.data;
    const policy = reclaimPolicy(inv.org?.data, lic);
    const activity = list ? seatActivity(list, usage, policy.inactive_days, today) : [];
    for (const a of activity) {
      seats.push({
        license: lic.id, tier: a.seat.tier, person: a.seat.person ?? null, device: a.seat.device ?? null, since: a.seat.since,
        state: a.state, lastActive: a.lastActive ?? null, file: list!.file, line: seatLoc(list!, a.i).line,
      });
    }
    const costs = new Map<string, { total: Micros; unit: Micros | undefined }>();
    tierCost.set(lic.id, costs);
    const tierIds = [...new Set([...lic.tiers.map((t) => t.id), ...bought.keys()])];
    const tiers = tierIds.map((id): TierFigures => {
      const b = bought.get(id);
      const held = activity.filter((a) => a.seat.tier === id);
      const unit = unitCost(lic, id, b);
      costs.set(id, { total: b?.cost ?? 0n, unit });
      const perSeat = !UNCOUNTED_TYPES.has(lic.type) && b !== undefined && b.qty !== 'unlimited' && unit !== undefined;
      const idle = held.filter((a) => IDLE.has(a.state)).length;
      const unused = perSeat && typeof b.qty === 'number' ? Math.max(0, b.qty - held.length) : 0;
      const waste = perSeat ? unit * BigInt(unused + idle) : 0n;
      return {
        id, name: lic.tiers.find((t) => t.id === id)?.name ?? id,
        entitled: b ? b.qty : null,
        assigned: held.length,
        active: usage ? held.filter((a) => a.state === 'active').length : null,
        inactive: usage ? idle : null,
        unitCost: unit === undefined ? null : dec(inv, unit),
        annualCost: dec(inv, b?.cost ?? 0n),
        waste: dec(inv, waste),
      };
    });
    licenses.push(summarize(inv, lic, tiers, activity.length, usage?.taken ?? null, bought));
  }
  return { licenses, seats, tierCost };
}

function unitCost(lic: License, tier: string, b: { qty: number | 'unlimited'; cost: Micros; counted: number } | undefined): Micros | undefined {
  if (b && b.qty !== 'unlimited' && b.counted > 0) return divRound(b.cost, BigInt(b.counted));
  if (b) return undefined;
  const list = lic.tiers.find((t) => t.id === tier)?.list_price;
  return list === undefined ? undefined : parseAmount(list);
}

function summarize(inv: Inventory, lic: License, tiers: TierFigures[], assigned: number, taken: string | null, bought: Map<string, { qty: number | 'unlimited' }>): LicenseFigures {
  const counted = UNCOUNTED_TYPES.has(lic.type) ? [] : tiers.filter((t) => typeof t.entitled === 'number');
  const entitled = counted.length ? counted.reduce((n, t) => n + (t.entitled as number), 0) : null;
  const countedAssigned = counted.reduce((n, t) => n + t.assigned, 0);
  const withUsage = tiers.filter((t) => t.active !== null);
  return {
    id: lic.id, name: lic.name, vendor: lic.vendor, type: lic.type, owner: lic.owner ?? null, retired: lic.retired ?? null,
    tiers,
    entitled,
    unlimited: [...bought.values()].some((b) => b.qty === 'unlimited'),
    assigned,
    active: withUsage.length ? withUsage.reduce((n, t) => n + (t.active ?? 0), 0) : null,
    utilization: entitled ? countedAssigned / entitled : null,
    annualCost: dec(inv, tiers.reduce((s, t) => s + parseAmount(t.annualCost), 0n)),
    waste: dec(inv, tiers.reduce((s, t) => s + parseAmount(t.waste), 0n)),
    usageTaken: taken,
  };
}
