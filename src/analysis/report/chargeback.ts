import type { Inventory } from '../../inventory/model.ts';
import type { Micros } from '../../util/money.ts';
import { figure, recordSource, type Figure, type Source } from './source.ts';
import type { SeatCharge } from './tiers.ts';

/** Who pays: one department or cost centre, with the seats charged to it. */
export interface ChargeRow {
  /** Department ID or cost centre; `(none)` when the holder has none, `(devices)` for device seats, `(unassigned)` for seats nobody holds. */
  key: string;
  name: string;
  seats: Figure<number>;
  annualCost: Figure<Micros>;
  waste: Figure<Micros>;
  /** Annual cost per license. */
  licenses: Record<string, Figure<Micros>>;
}

export const NONE = '(none)';
export const UNASSIGNED = '(unassigned)';
export const DEVICES = '(devices)';

/** A row being summed. Sums as it goes, with no per-row list of charges: a department may hold 100,000 seats. */
class Acc {
  readonly name: string;
  seats = 0;
  cost = 0n;
  waste = 0n;
  readonly licenses = new Map<string, Micros>();
  readonly tiers = new Set<string>();
  readonly from = new Set<Source>();
  constructor(name: string) {
    this.name = name;
  }
  add(c: SeatCharge, tierKey: string, from: readonly Source[]): void {
    if (c.seat) this.seats++;
    this.cost += c.cost;
    if (c.wasted) this.waste += c.cost;
    this.licenses.set(c.license, (this.licenses.get(c.license) ?? 0n) + c.cost);
    this.tiers.add(tierKey);
    for (const s of from) this.from.add(s);
  }
}

function rowsOf(inv: Inventory, accs: Map<string, Acc>, costSources: Map<string, Source[]>): ChargeRow[] {
  return [...accs.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, row]) => {
      const tiers = [...row.tiers];
      const cost = tiers.flatMap((t) => costSources.get(t) ?? []);
      const people = [...row.from];
      const seatsFrom = [...new Set(tiers.map((t) => t.split('\u0000')[0]!))].flatMap((l) => { const list = inv.assignments.get(l); return list ? [{ file: list.file, what: 'seats' }] : []; });
      const licenseCost = (l: string) => tiers.filter((t) => t.startsWith(`${l}\u0000`)).flatMap((t) => costSources.get(t) ?? []);
      return {
        key,
        name: row.name,
        seats: figure(row.seats, seatsFrom, people),
        annualCost: figure(row.cost, cost, people),
        waste: figure(row.waste, cost, people),
        licenses: Object.fromEntries([...row.licenses].sort(([a], [b]) => (a < b ? -1 : 1)).map(([l, v]) => [l, figure(v, licenseCost(l), people)])),
      };
    });
}

/** Chargeback by department and by cost centre (the person's, else their department's). Every micro of cost lands on one row. */
export function chargeback(inv: Inventory, charges: SeatCharge[], costSources: Map<string, Source[]>): { departments: ChargeRow[]; costCentres: ChargeRow[] } {
  const org = inv.org;
  const departments = org?.data.departments ?? [];
  const deptIndex = new Map(departments.map((d, i) => [d.id, i]));
  // Sources are made once and shared: one per people file, one per department record.
  const peopleSources = new Map<string, Source>();
  const peopleSource = (file: string, what: string): Source => {
    const k = `${file}\u0000${what}`;
    let s = peopleSources.get(k);
    if (!s) peopleSources.set(k, (s = { file, what }));
    return s;
  };
  const deptSources = departments.map((d, i) => (org ? [recordSource(org, ['departments', i], `department ${d.id}`)] : []));
  const ccSources = departments.map((d, i) => (org && d.cost_centre ? [recordSource(org, ['departments', i, 'cost_centre'], `department ${d.id} cost centre`)] : []));
  const byDept = new Map<string, Acc>();
  const byCc = new Map<string, Acc>();
  const acc = (map: Map<string, Acc>, key: string, name: string): Acc => {
    let a = map.get(key);
    if (!a) map.set(key, (a = new Acc(name)));
    return a;
  };
  for (const c of charges) {
    const tierKey = `${c.license}\u0000${c.tier}`;
    if (!c.seat) {
      acc(byDept, UNASSIGNED, 'Seats nobody holds').add(c, tierKey, []);
      acc(byCc, UNASSIGNED, 'Seats nobody holds').add(c, tierKey, []);
      continue;
    }
    if (c.seat.seat.device !== undefined) {
      acc(byDept, DEVICES, 'Device seats').add(c, tierKey, []);
      acc(byCc, DEVICES, 'Device seats').add(c, tierKey, []);
      continue;
    }
    const rec = c.seat.seat.person === undefined ? undefined : inv.people.get(c.seat.seat.person);
    const p = rec?.data;
    const i = p?.department === undefined ? undefined : deptIndex.get(p.department);
    if (!p?.department) acc(byDept, NONE, 'No department').add(c, tierKey, []);
    else acc(byDept, p.department, i === undefined ? p.department : departments[i]!.name).add(c, tierKey, [peopleSource(rec!.src.file, 'department of each seat holder'), ...(i === undefined ? [] : deptSources[i]!)]);
    if (p?.cost_centre) acc(byCc, p.cost_centre, p.cost_centre).add(c, tierKey, [peopleSource(rec!.src.file, 'cost_centre of each seat holder')]);
    else if (i !== undefined && departments[i]!.cost_centre) {
      const cc = departments[i]!.cost_centre!;
      acc(byCc, cc, cc).add(c, tierKey, [peopleSource(rec!.src.file, 'department of each seat holder'), ...ccSources[i]!]);
    } else acc(byCc, NONE, 'No cost centre').add(c, tierKey, []);
  }
  return { departments: rowsOf(inv, byDept, costSources), costCentres: rowsOf(inv, byCc, costSources) };
}
