import type { Finding } from '../findings/finding.ts';
import { classify } from './layout.ts';
import { brokenKey, type Inventory, type Rec } from './model.ts';
import type { ReadFile } from './read-file.ts';
import type { Contract, Discovered, License, Org, Person, Policy, Seat, Usage, Vendor } from './schema/index.ts';
import { KIND_META as KIND_INFO } from './schema/kind-table.ts';

/** Indexes of list records with problems, or 'all' when a problem lies outside the list. */
function invalidRecords(file: ReadFile, recordsKey: string | undefined): Set<number> | 'all' {
  const bad = new Set<number>();
  for (const p of file.problems) {
    if (recordsKey && p.path[0] === recordsKey && typeof p.path[1] === 'number') bad.add(p.path[1]);
    else return 'all';
  }
  return bad;
}

/** Adds a read file's valid records to the inventory; returns findings about duplicate IDs. */
export function addToInventory(inv: Inventory, file: ReadFile): Finding[] {
  const info = KIND_INFO[file.kind];
  const bad = invalidRecords(file, info.recordsKey);
  const id = typeof file.data[info.idKey ?? 'id'] === 'string' ? (file.data[info.idKey ?? 'id'] as string) : undefined;
  const whole = <T>(data: unknown): Rec<T> => ({ data: data as T, src: { file: file.path, map: file.map, path: [] } });
  if (bad === 'all') {
    markBroken(inv, file.path, id);
    if (id) inv.invalid[file.kind].add(id);
    if (info.folder) inv.invalid[file.kind].add(file.path.slice(file.path.lastIndexOf('/') + 1, -'.yaml'.length));
    if (file.kind === 'people') markInvalidPeople(inv, file.data.people);
    return [];
  }
  switch (file.kind) {
    case 'org':
      inv.org = whole<Org>(file.data);
      return [];
    case 'vendor':
      inv.vendors.set(id!, whole<Vendor>(file.data));
      return [];
    case 'license':
      inv.licenses.set(id!, whole<License>(file.data));
      return [];
    case 'contract':
      inv.contracts.set(id!, whole<Contract>(file.data));
      return [];
    case 'usage':
      // A snapshot is lac's own output: an account that fails its schema means the file was
      // damaged, and analyses would read the bad value; the snapshot is left out as a whole.
      if (bad.size > 0) {
        markBroken(inv, file.path, id);
        if (id) inv.invalid.usage.add(id);
        return [];
      }
      inv.usage.set(id!, whole<Usage>(file.data));
      return [];
    case 'policy':
      inv.policies.set(id!, whole<Policy>(file.data));
      return [];
    case 'discovered':
      // Like a usage snapshot: lac's own output, left out whole when any line is damaged.
      if (bad.size > 0) {
        markBroken(inv, file.path, id);
        if (id) inv.invalid.discovered.add(id);
        return [];
      }
      inv.discovered.set(id!, whole<Discovered>(file.data));
      return [];
    case 'assignments': {
      const all = (file.data.seats as Seat[] | null) ?? [];
      const seats: Seat[] = bad.size === 0 ? all : [];
      const index: number[] = new Array<number>(bad.size === 0 ? all.length : 0);
      // The common case, every seat valid, without a million pushes.
      if (bad.size === 0) for (let i = 0; i < all.length; i++) index[i] = i;
      else {
        all.forEach((s, i) => {
          if (!bad.has(i)) {
            seats.push(s);
            index.push(i);
          }
        });
      }
      inv.assignments.set(id!, { license: id!, file: file.path, map: file.map, seats, index });
      return [];
    }
    case 'people':
      return addPeople(inv, file, bad);
  }
}

/** Records that a file could not be read as a whole, under its kind (and the ID its name or content gives). */
export function markBroken(inv: Inventory, path: string, id?: string): void {
  const placement = classify(path);
  if (!placement.ok) return;
  if (!KIND_INFO[placement.kind].folder) return void inv.broken.set(brokenKey(placement.kind), path);
  for (const key of new Set([placement.expectedId, id])) if (key !== undefined) inv.broken.set(brokenKey(placement.kind, key), path);
}

function markInvalidPeople(inv: Inventory, people: unknown): void {
  if (!Array.isArray(people)) return;
  for (const p of people) if (p && typeof (p as { id?: unknown }).id === 'string') inv.invalid.people.add((p as { id: string }).id);
}

function addPeople(inv: Inventory, file: ReadFile, bad: Set<number>): Finding[] {
  const findings: Finding[] = [];
  const list = (file.data.people as Person[] | null) ?? [];
  list.forEach((person, i) => {
    if (bad.has(i)) {
      if (person && typeof person.id === 'string') inv.invalid.people.add(person.id);
      return;
    }
    const src = { file: file.path, map: file.map, path: ['people', i] };
    const first = inv.people.get(person.id);
    if (first) {
      const pos = file.map.locate(['people', i, 'id']);
      const firstLine = first.src.map.locate([...first.src.path, 'id']).line;
      findings.push({ rule: 'duplicate-id', severity: 'error', file: file.path, line: pos.line, column: pos.column, message: `person ID "${person.id}" is already used on line ${firstLine}`, hint: 'give each person a unique ID' });
      return;
    }
    inv.people.set(person.id, { data: person, src });
  });
  return findings;
}
