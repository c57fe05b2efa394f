import type { Inventory } from '../../inventory/model.ts';
import { recordSource, type Source } from './source.ts';

/** A chargeback row a seat is charged to: a department or a cost centre, with the records that say so. */
export interface Payer {
  /** Department ID or cost centre; `(none)` when the holder has none, `(devices)` for device seats, `(unassigned)` for seats nobody holds. */
  key: string;
  name: string;
  from: Source[];
}

/** The department row and the cost-centre row one seat is charged to. */
export interface Payers {
  department: Payer;
  costCentre: Payer;
}

export const NONE = '(none)';
export const UNASSIGNED = '(unassigned)';
export const DEVICES = '(devices)';

export interface PayerResolver {
  unassigned: Payers;
  devices: Payers;
  /** A person's rows from their department and cost centre (the person's own, else the department's); `file` is the people file that says so. */
  person(department: string | undefined, costCentre: string | undefined, file: string | undefined): Payers;
  /** A seat's rows today: a device's, else its holder's per people.yaml. */
  seat(seat: { person?: string | undefined; device?: string | undefined }): Payers;
}

/** Resolves seats to chargeback rows; each row and source is made once and shared. */
export function payerResolver(inv: Inventory): PayerResolver {
  const org = inv.org;
  const departments = org?.data.departments ?? [];
  const deptIndex = new Map(departments.map((d, i) => [d.id, i]));
  const made = new Map<string, Payer>();
  const payer = (kind: string, key: string, name: string, from: () => Source[]): Payer => {
    const k = `${kind}\u0000${key}\u0000${name}\u0000${from().map((s) => `${s.file}:${s.line ?? 0}:${s.what}`).join('\u0001')}`;
    let p = made.get(k);
    if (!p) made.set(k, (p = { key, name, from: from() }));
    return p;
  };
  const both = (key: string, name: string): Payers => ({ department: payer('d', key, name, () => []), costCentre: payer('c', key, name, () => []) });
  const cache = new Map<string, Payers>();
  // A person's rows by ID: a report asks once per seat (a million at the largest organizations).
  const byPerson = new Map<string | undefined, Payers>();
  const devices = both(DEVICES, 'Device seats');
  const resolver: PayerResolver = {
    unassigned: both(UNASSIGNED, 'Seats nobody holds'),
    devices,
    seat(seat) {
      if (seat.device !== undefined) return devices;
      let out = byPerson.get(seat.person);
      if (!out) {
        const rec = seat.person === undefined ? undefined : inv.people.get(seat.person);
        byPerson.set(seat.person, (out = resolver.person(rec?.data.department, rec?.data.cost_centre, rec?.src.file)));
      }
      return out;
    },
    person(department, costCentre, file) {
      const k = `${department ?? ''}\u0000${costCentre ?? ''}\u0000${file ?? ''}`;
      const hit = cache.get(k);
      if (hit) return hit;
      const i = department === undefined ? undefined : deptIndex.get(department);
      const d = i === undefined ? undefined : departments[i];
      const people = (what: string): Source[] => (file === undefined ? [] : [{ file, what }]);
      const dept = !department
        ? payer('d', NONE, 'No department', () => [])
        : payer('d', department, d?.name ?? department, () => [...people('department of each seat holder'), ...(org && i !== undefined ? [recordSource(org, ['departments', i], `department ${department}`)] : [])]);
      const cc = costCentre
        ? payer('c', costCentre, costCentre, () => people('cost_centre of each seat holder'))
        : d?.cost_centre && org && i !== undefined
          ? payer('c', d.cost_centre, d.cost_centre, () => [...people('department of each seat holder'), recordSource(org, ['departments', i, 'cost_centre'], `department ${department} cost centre`)])
          : payer('c', NONE, 'No cost centre', () => []);
      const out = { department: dept, costCentre: cc };
      cache.set(k, out);
      return out;
    },
  };
  return resolver;
}
