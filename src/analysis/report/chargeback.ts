import type { Inventory } from '../../inventory/model.ts';
import { sum, type Micros } from '../../util/money.ts';
import { figure, recordSource, type Figure, type Source } from './source.ts';
import type { SeatCharge } from './tiers.ts';

/** Who pays: one department or cost centre, with the seats charged to it. */
export interface ChargeRow {
  /** Department ID or cost centre; `(none)` when the holder has none, `(devices)` for device seats, `(unassigned)` for seats nobody holds. */
  key: string;
  name: string;
  seats: number;
  annualCost: Figure<Micros>;
  waste: Figure<Micros>;
  /** Annual cost per license. */
  licenses: Record<string, Micros>;
}

export const NONE = '(none)';
export const UNASSIGNED = '(unassigned)';
export const DEVICES = '(devices)';

type KeyOf = (c: SeatCharge) => { key: string; name: string; from: Source[] };

function group(charges: SeatCharge[], keyOf: KeyOf, costSources: Map<string, Source[]>): ChargeRow[] {
  const rows = new Map<string, { name: string; charges: SeatCharge[]; from: Source[] }>();
  for (const c of charges) {
    const k = keyOf(c);
    const row = rows.get(k.key) ?? { name: k.name, charges: [], from: [] };
    row.charges.push(c);
    row.from.push(...k.from);
    rows.set(k.key, row);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, row]) => {
      const licenses: Record<string, Micros> = {};
      for (const c of row.charges) licenses[c.license] = (licenses[c.license] ?? 0n) + c.cost;
      const costFrom = [...new Set(row.charges.map((c) => `${c.license}\u0000${c.tier}`))].flatMap((k) => costSources.get(k) ?? []);
      return {
        key,
        name: row.name,
        seats: row.charges.filter((c) => c.seat).length,
        annualCost: figure(sum(row.charges.map((c) => c.cost)), costFrom, row.from),
        waste: figure(sum(row.charges.filter((c) => c.wasted).map((c) => c.cost)), costFrom, row.from),
        licenses: Object.fromEntries(Object.entries(licenses).sort(([a], [b]) => (a < b ? -1 : 1))),
      };
    });
}

/** Chargeback by department and by cost centre (the person's, else their department's). Every micro of cost lands on one row. */
export function chargeback(inv: Inventory, charges: SeatCharge[], costSources: Map<string, Source[]>): { departments: ChargeRow[]; costCentres: ChargeRow[] } {
  const org = inv.org;
  const departments = org?.data.departments ?? [];
  const deptIndex = new Map(departments.map((d, i) => [d.id, i]));
  const person = (c: SeatCharge) => (c.seat?.seat.person ? inv.people.get(c.seat.seat.person) : undefined);
  const personSource = (c: SeatCharge, what: string): Source[] => {
    const p = person(c);
    // One source per file, not per person: a department of 10,000 people would list them all.
    return p ? [{ file: p.src.file, what: `${what} of each seat holder` }] : [];
  };
  const byDepartment: KeyOf = (c) => {
    if (!c.seat) return { key: UNASSIGNED, name: 'Seats nobody holds', from: [] };
    if (c.seat.seat.device) return { key: DEVICES, name: 'Device seats', from: [] };
    const dept = person(c)?.data.department;
    if (!dept) return { key: NONE, name: 'No department', from: [] };
    const i = deptIndex.get(dept);
    const deptSource = org && i !== undefined ? [recordSource(org, ['departments', i], `department ${dept}`)] : [];
    return { key: dept, name: i === undefined ? dept : departments[i]!.name, from: [...personSource(c, 'department'), ...deptSource] };
  };
  const byCostCentre: KeyOf = (c) => {
    if (!c.seat) return { key: UNASSIGNED, name: 'Seats nobody holds', from: [] };
    if (c.seat.seat.device) return { key: DEVICES, name: 'Device seats', from: [] };
    const p = person(c)?.data;
    if (p?.cost_centre) return { key: p.cost_centre, name: p.cost_centre, from: personSource(c, 'cost_centre') };
    const i = p?.department ? deptIndex.get(p.department) : undefined;
    const cc = i === undefined ? undefined : departments[i]!.cost_centre;
    if (cc && org && i !== undefined) return { key: cc, name: cc, from: [...personSource(c, 'department'), recordSource(org, ['departments', i, 'cost_centre'], `department ${p!.department} cost centre`)] };
    return { key: NONE, name: 'No cost centre', from: [] };
  };
  return { departments: group(charges, byDepartment, costSources), costCentres: group(charges, byCostCentre, costSources) };
}
