import type { Person } from '../inventory/schema/index.ts';
import type { DirectoryEntry } from './types.ts';

/** What the plan needs to turn an entry's fields into people.yaml values. */
export interface Resolvers {
  today: string;
  department: (name: string) => string | undefined;
  /** The person ID of a manager given as a directory ID or an email. */
  manager: (ref: string) => string | undefined;
  /** The default cost centre of a department ID. */
  departmentCostCentre: (id: string) => string | undefined;
  warn: (message: string) => void;
}

/** Person fields the pull may set; `undefined` removes a field. */
export type PersonPatch = Partial<Record<keyof Person, unknown>>;

/** The employment fields (department, manager, title, cost centre) an entry says, as people.yaml values. */
function orgFields(entry: DirectoryEntry, r: Resolvers, who: string): PersonPatch {
  const patch: PersonPatch = {};
  if (entry.department !== undefined) {
    const id = r.department(entry.department);
    if (id === undefined) r.warn(`${who}: department "${entry.department}" is not in org.yaml; add it to directory.config.departments`);
    else patch.department = id;
  }
  if (entry.manager !== undefined) {
    const id = r.manager(entry.manager);
    if (id === undefined) r.warn(`${who}: manager ${entry.manager} is not in people.yaml or the directory`);
    else patch.manager = id;
  }
  if (entry.title !== undefined) patch.title = entry.title;
  if (entry.costCentre !== undefined) patch.cost_centre = entry.costCentre;
  if (entry.location !== undefined) patch.location = entry.location;
  if (entry.employmentType !== undefined) patch.employment_type = entry.employmentType.toLowerCase();
  return patch;
}

/** Status and end date: a past or present end date means left; a future one is "leaving on" (still active). */
function statusFields(entry: DirectoryEntry, today: string): PersonPatch {
  if (entry.end !== undefined && entry.end > today) return { status: entry.status === 'leaver' ? 'active' : entry.status, end: entry.end };
  if (entry.status === 'leaver' || entry.end !== undefined) return { status: 'leaver', end: entry.end ?? today };
  return { status: entry.status };
}

/** The record of a joiner. */
export function joinerRecord(id: string, entry: DirectoryEntry, r: Resolvers): Person {
  const org = orgFields(entry, r, entry.email);
  if (org.cost_centre !== undefined && org.department !== undefined && r.departmentCostCentre(org.department as string) === org.cost_centre) delete org.cost_centre;
  return compact({
    id,
    name: entry.name ?? entry.email.split('@')[0],
    email: entry.email,
    directory_id: entry.directoryId,
    aliases: entry.aliases,
    ...org,
    ...statusFields(entry, r.today),
    start: entry.start,
  }) as unknown as Person;
}

/** The fields of a known person that change; never the ID, and an old email is kept as an alias. */
export function personPatch(person: Person, entry: DirectoryEntry, r: Resolvers): PersonPatch {
  const want: PersonPatch = { ...orgFields(entry, r, person.id), ...statusFields(entry, r.today) };
  // A leaver keeps the end date people.yaml has: an identity provider only knows the day the
  // account was switched off, and a recorded leaving date is not rewritten by it.
  if (want.status === 'leaver' && person.end !== undefined && (entry.end === undefined || person.status === 'leaver')) want.end = person.end;
  // Accounts stay active during a leave: only a source that records leave ends one.
  if (person.status === 'on-leave' && want.status === 'active' && !entry.knowsLeave) want.status = 'on-leave';
  if (person.directory_id === undefined) want.directory_id = entry.directoryId;
  if (entry.email !== person.email.toLowerCase()) {
    want.email = entry.email;
    const aliases = [...(person.aliases ?? []).filter((a) => a.toLowerCase() !== entry.email), person.email];
    want.aliases = aliases;
  }
  const department = (want.department ?? person.department) as string | undefined;
  // A cost centre equal to the department's default is no override: leave the line without one.
  if (want.cost_centre !== undefined && person.cost_centre === undefined && department !== undefined && r.departmentCostCentre(department) === want.cost_centre) delete want.cost_centre;
  // A returner (a leaver the directory has active again) loses the old end date.
  if (person.status === 'leaver' && want.status !== 'leaver' && entry.end === undefined && person.end !== undefined) want.end = undefined;
  if (entry.start !== undefined && person.start === undefined) want.start = entry.start;
  const patch: PersonPatch = {};
  for (const [key, value] of Object.entries(want) as [keyof Person, unknown][]) {
    if (JSON.stringify(person[key]) !== JSON.stringify(value)) patch[key] = value;
  }
  return patch;
}

function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}
