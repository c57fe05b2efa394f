import type { Department, Person } from '../inventory/schema/index.ts';
import { splitConflicts } from './conflicts.ts';
import { departmentResolver, newPersonId, PeopleIndex } from './resolve.ts';
import type { DirectoryEntry } from './types.ts';
import { joinerRecord, personPatch, type PersonPatch, type Resolvers } from './update.ts';

export type ChangeKind = 'leaver' | 'leaving' | 'mover' | 'returner' | 'update';

/** One known person whose line changes. */
export interface PersonChange {
  id: string;
  name: string;
  kind: ChangeKind;
  patch: PersonPatch;
  before: Person;
}

/** What `lac people pull` would do to people.yaml. */
export interface PeoplePlan {
  joiners: Person[];
  changes: PersonChange[];
  /** People (not leavers) the source does not know: left alone, listed. */
  unknown: string[];
  conflicts: string[];
  warnings: string[];
}

export interface PlanInput {
  people: Person[];
  entries: DirectoryEntry[];
  departments: Department[];
  /** `directory.config.departments`: source department name -> department ID. */
  departmentNames: Map<string, string>;
  today: string;
  /** Stop when the source's active people are fewer than this share of people.yaml's active people. */
  minSourcePercent: number;
  /** IDs a joiner may not take beside those of `people` (lines that failed validation). */
  reservedIds?: Iterable<string>;
}

/** Thrown instead of a plan when the source looks wrong (far too few people). */
export class DirectoryShrank extends Error {
  override name = 'DirectoryShrank';
}

const MOVER_FIELDS = new Set(['department', 'manager', 'title', 'cost_centre', 'location', 'employment_type']);

function kindOf(before: Person, patch: PersonPatch): ChangeKind {
  if (patch.status === 'leaver') return 'leaver';
  if (before.status === 'leaver' && patch.status !== undefined) return 'returner';
  if (typeof patch.end === 'string') return 'leaving';
  if (Object.keys(patch).some((k) => MOVER_FIELDS.has(k))) return 'mover';
  return 'update';
}

/** Matches directory entries to people (directory ID, then email and aliases) and plans the changes. Pure. */
export function planPeople(input: PlanInput): PeoplePlan {
  const { people, today } = input;
  const active = people.filter((p) => p.status !== 'leaver').length;
  const sourceActive = input.entries.filter((e) => e.status !== 'leaver' || (e.end !== undefined && e.end > today)).length;
  if (active > 0 && sourceActive * 100 < active * input.minSourcePercent) {
    throw new DirectoryShrank(`the directory source returned ${sourceActive} active people, but people.yaml has ${active} (less than ${input.minSourcePercent}%); nobody was marked as a leaver`);
  }
  const { usable, conflicts } = splitConflicts(input.entries);
  const index = new PeopleIndex();
  people.forEach((p) => index.add(p));
  const byId = new Map(people.map((p) => [p.id, p]));
  const matched = new Map<string, DirectoryEntry>();
  const contested = new Set<string>();
  const newcomers: DirectoryEntry[] = [];
  for (const entry of usable) {
    const id = index.byId(entry.directoryId) ?? index.byAddress(entry.email, ...(entry.aliases ?? []));
    const person = id === undefined ? undefined : byId.get(id);
    if (person === undefined) {
      if (entry.status !== 'leaver') newcomers.push(entry);
      continue;
    }
    if (person.directory_id !== undefined && person.directory_id !== entry.directoryId) {
      conflicts.push(`${entry.email} (directory ID ${entry.directoryId}) matches ${person.id} by email, but ${person.id} has directory ID ${person.directory_id}; not applied`);
      continue;
    }
    if (matched.has(person.id) || contested.has(person.id)) {
      if (matched.has(person.id)) conflicts.push(`${person.id} is claimed by directory entries ${matched.get(person.id)!.directoryId} and ${entry.directoryId}; neither applied`);
      matched.delete(person.id);
      contested.add(person.id);
      continue;
    }
    matched.set(person.id, entry);
    // A manager may be named by a directory ID that people.yaml does not hold yet.
    index.add({ id: person.id, email: entry.email, directory_id: entry.directoryId });
  }
  const taken = new Set([...people.map((p) => p.id), ...(input.reservedIds ?? [])]);
  const joinerIds = newcomers.map((e) => newPersonId(e.email, taken));
  newcomers.forEach((e, i) => index.add({ id: joinerIds[i]!, email: e.email, aliases: e.aliases, directory_id: e.directoryId }));
  const warnings: string[] = [];
  const costCentres = new Map(input.departments.map((d) => [d.id, d.cost_centre]));
  const resolvers: Resolvers = {
    today,
    department: departmentResolver(input.departments, input.departmentNames),
    manager: (ref) => index.byId(ref) ?? index.byAddress(ref),
    departmentCostCentre: (id) => costCentres.get(id),
    warn: (m) => warnings.push(m),
  };
  const changes: PersonChange[] = [];
  for (const [id, entry] of matched) {
    const before = byId.get(id)!;
    const patch = personPatch(before, entry, resolvers);
    if (Object.keys(patch).length > 0) changes.push({ id, name: before.name, kind: kindOf(before, patch), patch, before });
  }
  const joiners = newcomers.map((e, i) => joinerRecord(joinerIds[i]!, e, resolvers));
  const unknown = people.filter((p) => p.status !== 'leaver' && !matched.has(p.id)).map((p) => p.id);
  const byKey = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  return { joiners: joiners.sort(byKey), changes: changes.sort(byKey), unknown: unknown.sort(), conflicts, warnings };
}
