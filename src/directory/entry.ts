import { dayOf } from '../usage/shared/dates.ts';
import { toText } from '../usage/shared/values.ts';
import type { DirectoryEntry } from './types.ts';

/** The fields of an entry before normalizing; every value may be missing or malformed. */
export interface RawEntry {
  directoryId: unknown;
  email: unknown;
  name?: unknown;
  aliases?: unknown[];
  department?: unknown;
  title?: unknown;
  costCentre?: unknown;
  location?: unknown;
  employmentType?: unknown;
  manager?: unknown;
  status: DirectoryEntry['status'];
  knowsLeave?: boolean;
  start?: unknown;
  end?: unknown;
  where?: string;
}

/** A day from a date or timestamp, or undefined (the "never" sentinels too). */
const day = (value: unknown): string | undefined => dayOf(value) ?? undefined;

/** Normalizes one entry: emails lowercased, whitespace collapsed, dates as days; undefined without an ID or an email. */
export function makeEntry(raw: RawEntry): DirectoryEntry | undefined {
  const directoryId = toText(raw.directoryId);
  const email = toText(raw.email)?.toLowerCase();
  if (directoryId === undefined || email === undefined || !email.includes('@')) return undefined;
  const text = (v: unknown) => toText(v)?.replace(/\s+/g, ' ');
  const aliases = [...new Set((raw.aliases ?? []).map((a) => toText(a)?.toLowerCase()).filter((a): a is string => a !== undefined && a !== email && a.includes('@')))].sort();
  const entry: DirectoryEntry = { directoryId, email, status: raw.status };
  const fields: [keyof DirectoryEntry, string | undefined][] = [
    ['name', text(raw.name)],
    ['department', text(raw.department)],
    ['title', text(raw.title)],
    ['costCentre', text(raw.costCentre)],
    ['location', text(raw.location)],
    ['employmentType', text(raw.employmentType)],
    ['manager', text(raw.manager)],
    ['start', day(raw.start)],
    ['end', day(raw.end)],
    ['where', raw.where],
  ];
  for (const [key, value] of fields) if (value !== undefined) (entry as unknown as Record<string, unknown>)[key] = value;
  if (aliases.length > 0) entry.aliases = aliases;
  if (raw.knowsLeave) entry.knowsLeave = true;
  return entry;
}

/** "First Last" from parts, or undefined. */
export function fullName(...parts: unknown[]): string | undefined {
  const name = parts.map((p) => toText(p)).filter(Boolean).join(' ');
  return name === '' ? undefined : name;
}
