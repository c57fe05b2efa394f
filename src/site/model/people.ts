import { leaverStatus } from '../../analysis/leaver.ts';
import type { Inventory } from '../../inventory/model.ts';
import type { Person } from '../../inventory/schema/index.ts';
import type { PersonInfo, SeatRow, VendorInfo } from './types.ts';

/** A person's cost centre: their own, else their department's. */
export function costCentreOf(inv: Inventory, p: Person | undefined): string | null {
  if (!p) return null;
  if (p.cost_centre) return p.cost_centre;
  return inv.org?.data.departments?.find((d) => d.id === p.department)?.cost_centre ?? null;
}

export function personInfos(inv: Inventory, seats: SeatRow[], today: string): PersonInfo[] {
  const held = new Map<string, number>();
  for (const s of seats) if (s.person) held.set(s.person, (held.get(s.person) ?? 0) + 1);
  return [...inv.people.values()]
    .map(({ data: p }) => ({
      id: p.id, name: p.name, email: p.email, department: p.department ?? null, costCentre: costCentreOf(inv, p),
      status: p.status, start: p.start ?? null, end: p.end ?? null, leaver: leaverStatus(p, today)?.state ?? null, manager: p.manager ?? null, title: p.title ?? null,
      seats: held.get(p.id) ?? 0,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1));
}

export function vendorInfos(inv: Inventory, costByVendor: Map<string, Pick<VendorInfo, 'annualCost' | 'costUnknown'>>): VendorInfo[] {
  return [...inv.vendors.values()]
    .map(({ data: v }) => ({
      id: v.id, name: v.name, website: v.website ?? null, accountId: v.account_id ?? null,
      contacts: (v.contacts ?? []).map((c) => ({ name: c.name, role: c.role ?? null, email: c.email ?? null })),
      annualCost: costByVendor.get(v.id)?.annualCost ?? '0', costUnknown: costByVendor.get(v.id)?.costUnknown ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
