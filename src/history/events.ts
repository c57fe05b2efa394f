import { diffFields, type FieldChange } from './diff.ts';
import type { Rec } from './records.ts';

export const EVENT_TYPES = [
  'seat.assigned', 'seat.removed', 'seat.tier-changed', 'seat.changed',
  'person.joined', 'person.left', 'person.changed', 'person.removed',
  'license.created', 'license.changed', 'license.removed',
  'contract.created', 'contract.changed', 'contract.renewed', 'contract.removed',
  'vendor.created', 'vendor.changed', 'vendor.removed',
  'usage.snapshot', 'usage.removed',
  'org.created', 'org.changed', 'org.removed',
  'file.unreadable',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The subjects of an event: which license, person, device, contract or vendor it is about. */
export interface Subjects {
  license?: string;
  person?: string;
  device?: string;
  contract?: string;
  vendor?: string;
}

/** An event before the commit it came in by is attached. */
export interface Draft extends Subjects {
  type: EventType;
  details: Record<string, unknown>;
  file: string;
}

type Obj = Record<string, unknown>;
const pick = (o: Obj, keys: readonly string[]) => Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
const without = (changes: FieldChange[], fields: readonly string[]) => changes.filter((c) => !fields.includes(c.field));

/** The events that turn one version of a record into the next (either side may be absent). */
export function recordEvents(before: Rec | undefined, after: Rec | undefined): Draft[] {
  const rec = (after ?? before)!;
  switch (rec.entity) {
    case 'seat':
      return seatEvents(before, after);
    case 'person':
      return personEvents(before, after);
    case 'contract':
      return contractEvents(before, after);
    case 'usage':
      return usageEvents(before, after);
    case 'license':
      return simple(before, after, 'license', ['name', 'vendor', 'type']);
    case 'vendor':
      return simple(before, after, 'vendor', ['name']);
    case 'org':
      return simple(before, after, 'org', ['name', 'currency', 'timezone']);
  }
}

function simple(before: Rec | undefined, after: Rec | undefined, entity: 'license' | 'vendor' | 'org', shown: string[]): Draft[] {
  const rec = (after ?? before)!;
  const subjects: Subjects = entity === 'org' ? {} : { [entity]: rec.id };
  const file = rec.file;
  if (!before) return [{ type: `${entity}.created`, ...subjects, details: pick(after!.data, shown), file }];
  if (!after) return [{ type: `${entity}.removed`, ...subjects, details: pick(before.data, shown), file }];
  return diffFields(before.data, after.data).map((c) => ({ type: `${entity}.changed`, ...subjects, details: { ...c }, file }));
}

function seatEvents(before: Rec | undefined, after: Rec | undefined): Draft[] {
  const rec = (after ?? before)!;
  const subjects: Subjects = { license: rec.license!, ...(rec.device ? { device: rec.id } : { person: rec.id }) };
  if (!before) return [{ type: 'seat.assigned', ...subjects, details: pick(after!.data, ['tier', 'since', 'note']), file: rec.file }];
  if (!after) return [{ type: 'seat.removed', ...subjects, details: pick(before.data, ['tier', 'since', 'note']), file: rec.file }];
  return diffFields(before.data, after.data).map((c): Draft => (c.field === 'tier'
    ? { type: 'seat.tier-changed', ...subjects, details: { from: c.from, to: c.to }, file: rec.file }
    : { type: 'seat.changed', ...subjects, details: { ...c }, file: rec.file }));
}

function personEvents(before: Rec | undefined, after: Rec | undefined): Draft[] {
  const rec = (after ?? before)!;
  const subjects: Subjects = { person: rec.id };
  if (!before) return [{ type: 'person.joined', ...subjects, details: pick(after!.data, ['name', 'email', 'department', 'status', 'start']), file: rec.file }];
  if (!after) return [{ type: 'person.removed', ...subjects, details: pick(before.data, ['name', 'status', 'end']), file: rec.file }];
  let changes = diffFields(before.data, after.data);
  const out: Draft[] = [];
  if (after.data.status === 'leaver' && before.data.status !== 'leaver') {
    out.push({ type: 'person.left', ...subjects, details: { from: before.data.status ?? null, end: after.data.end ?? null }, file: rec.file });
    changes = without(changes, ['status', 'end']);
  }
  for (const c of changes) out.push({ type: 'person.changed', ...subjects, details: { ...c }, file: rec.file });
  return out;
}

/** The one license a contract's lines are all for, if there is one. */
function soleLicense(data: Obj): string | undefined {
  const lines = Array.isArray(data.lines) ? (data.lines as Obj[]) : [];
  const ids = new Set(lines.map((l) => l?.license).filter((l): l is string => typeof l === 'string'));
  return ids.size === 1 ? [...ids][0] : undefined;
}

function contractEvents(before: Rec | undefined, after: Rec | undefined): Draft[] {
  const rec = (after ?? before)!;
  const sole = soleLicense(rec.data);
  const subjects = (license: string | undefined): Subjects => ({ ...(license ? { license } : {}), contract: rec.id });
  if (!before) return [{ type: 'contract.created', ...subjects(sole), details: pick(after!.data, ['vendor', 'start', 'end', 'previous', 'lines']), file: rec.file }];
  if (!after) return [{ type: 'contract.removed', ...subjects(sole), details: pick(before.data, ['vendor', 'start', 'end']), file: rec.file }];
  let changes = diffFields(before.data, after.data);
  const out: Draft[] = [];
  const [b, a] = [before.data, after.data];
  // Renewed: the term moved on (a later end, the start not earlier) in the same contract record.
  if (typeof b.end === 'string' && typeof a.end === 'string' && a.end > b.end && String(a.start) >= String(b.start)) {
    out.push({ type: 'contract.renewed', ...subjects(sole), details: { from: { start: b.start ?? null, end: b.end }, to: { start: a.start ?? null, end: a.end } }, file: rec.file });
    changes = without(changes, ['start', 'end']);
  }
  for (const c of changes) {
    const line = /^lines\[([^/\]]+)\//.exec(c.field);
    out.push({ type: 'contract.changed', ...subjects(line ? line[1] : sole), details: { ...c }, file: rec.file });
  }
  return out;
}

function usageEvents(before: Rec | undefined, after: Rec | undefined): Draft[] {
  const rec = (after ?? before)!;
  const count = (r: Rec | undefined) => (r && Array.isArray(r.data.accounts) ? r.data.accounts.length : null);
  if (!after) return [{ type: 'usage.removed', license: rec.id, details: pick(before!.data, ['source', 'taken']), file: rec.file }];
  return [{ type: 'usage.snapshot', license: rec.id, details: { ...pick(after.data, ['source', 'taken']), accounts: count(after), previous: count(before) }, file: rec.file }];
}
