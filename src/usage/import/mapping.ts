import { ConnectorError, type UsageAccount } from '../types.ts';
import { compact } from '../shared/accounts.ts';
import { signalMap, stringMap } from '../shared/config.ts';
import { isRecord, toNumber } from '../shared/values.ts';
import { DATE_FORMATS, parseExportDate, type DateFormat } from './dates.ts';

const FIELDS = ['account', 'email', 'login', 'name', 'tier', 'status', 'last_active'] as const;
type Field = (typeof FIELDS)[number];
const STATUSES = ['active', 'suspended', 'deactivated', 'invited', 'guest'] as const;
type Status = (typeof STATUSES)[number];

/** Words admin-console exports use for each status, matched case-insensitively. */
const DEFAULT_STATUS_WORDS: Record<string, Status> = {
  active: 'active', enabled: 'active', member: 'active',
  suspended: 'suspended', locked: 'suspended', blocked: 'suspended',
  deactivated: 'deactivated', disabled: 'deactivated', deleted: 'deactivated', removed: 'deactivated', inactive: 'deactivated',
  invited: 'invited', pending: 'invited', 'invitation sent': 'invited',
  guest: 'guest', external: 'guest',
};
const DEFAULT_NEVER = ['never', 'n/a', '-', 'none', 'never logged in'];

/** How one export's columns (or JSON fields) map onto UsageAccount, read from usage.config. */
export interface ImportMapping {
  columns: Partial<Record<Field, string>> & { account: string };
  signals: Map<string, string>;
  dateFormat: DateFormat;
  /** The org's time zone: exported instants become dates in it. */
  timeZone?: string;
  tiers: Map<string, string>;
  statuses: Map<string, Status>;
  never: Set<string>;
}

export function readMapping(config: Record<string, unknown>, vendor: string): ImportMapping {
  const columns = config.columns;
  if (!isRecord(columns) || typeof columns.account !== 'string' || columns.account.trim() === '') {
    throw new ConnectorError(
      `${vendor}: usage.config.columns.account is missing`,
      'Name the column (or field) that identifies each account, e.g. `columns: { account: "User Email", last_active: "Last Seen", tier: "Plan" }`.',
    );
  }
  const picked: Partial<Record<Field, string>> = {};
  for (const [key, value] of Object.entries(columns)) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      throw new ConnectorError(`${vendor}: usage.config.columns.${key} is not a field lac knows`, `Use any of: ${FIELDS.join(', ')}.`);
    }
    if (typeof value !== 'string' || value.trim() === '') throw new ConnectorError(`${vendor}: usage.config.columns.${key} must be a column name`);
    picked[key as Field] = value;
  }
  const dateFormat = (config.date_format ?? 'iso') as DateFormat;
  if (!DATE_FORMATS.includes(dateFormat)) {
    throw new ConnectorError(`${vendor}: usage.config.date_format ${JSON.stringify(config.date_format)} is not one lac reads`, `Use one of: ${DATE_FORMATS.join(', ')}.`);
  }
  const statuses = new Map(Object.entries(DEFAULT_STATUS_WORDS));
  for (const [word, status] of stringMap(config, 'status_map', vendor)) {
    if (!(STATUSES as readonly string[]).includes(status)) {
      throw new ConnectorError(`${vendor}: usage.config.status_map.${word} must be one of ${STATUSES.join(', ')}, not ${status}`);
    }
    statuses.set(word.trim().toLowerCase(), status as Status);
  }
  const extraNever = Array.isArray(config.never) ? config.never.filter((v): v is string => typeof v === 'string') : [];
  return {
    columns: { ...picked, account: columns.account },
    signals: signalMap(config, 'signals', vendor, 'signal-first'),
    dateFormat,
    tiers: stringMap(config, 'tiers', vendor),
    statuses,
    never: new Set([...DEFAULT_NEVER, ...extraNever].map((v) => v.trim().toLowerCase())),
  };
}

/** Every column (or field) name the mapping reads. */
export function wantedColumns(mapping: ImportMapping): string[] {
  return [...new Set([...Object.values(mapping.columns), ...mapping.signals.values()])];
}

/** A problem in one record: where it is and what to do about it. */
export class RecordError extends Error {}

/**
 * Maps one record, reading cells through `get` (undefined when the cell is absent).
 * Throws RecordError with a message that says what to change; the caller adds file and line.
 * Returns undefined for a record whose account cell is blank (a trailing summary row, say).
 */
export function mapRecord(get: (column: string) => unknown, mapping: ImportMapping): UsageAccount | undefined {
  const text = (field: Field): string | undefined => {
    const column = mapping.columns[field];
    if (column === undefined) return undefined;
    const value = get(column);
    if (value === undefined || value === null) return undefined;
    const s = (typeof value === 'string' ? value : String(value)).trim();
    return s === '' ? undefined : s;
  };
  const account = text('account');
  if (account === undefined) return undefined;
  return compact({
    account,
    email: text('email'),
    login: text('login'),
    name: text('name'),
    tier: tierOf(text('tier'), mapping),
    status: statusOf(text('status'), mapping),
    last_active: lastActiveOf(get, mapping),
    signals: signalsOf(get, mapping),
  });
}

function tierOf(value: string | undefined, mapping: ImportMapping): string | undefined {
  if (value === undefined || mapping.tiers.size === 0) return value;
  const tier = mapping.tiers.get(value);
  if (tier === undefined) {
    throw new RecordError(
      `tier value "${value}" (column "${mapping.columns.tier}") is not in usage.config.tiers; add it, e.g. \`"${value}": <tier-id>\` (known: ${[...mapping.tiers.keys()].map((k) => `"${k}"`).join(', ')})`,
    );
  }
  return tier;
}

function statusOf(value: string | undefined, mapping: ImportMapping): UsageAccount['status'] {
  if (value === undefined) return undefined;
  const status = mapping.statuses.get(value.toLowerCase());
  if (status === undefined) {
    throw new RecordError(
      `status "${value}" (column "${mapping.columns.status}") is not one lac knows; map it in usage.config.status_map, e.g. \`"${value}": deactivated\``,
    );
  }
  return status;
}

function lastActiveOf(get: (column: string) => unknown, mapping: ImportMapping): string | null | undefined {
  const column = mapping.columns.last_active;
  if (column === undefined) return undefined;
  const raw = get(column);
  // A blank or "never" cell in the last-active column means the account was never used.
  if (raw === undefined || raw === null) return null;
  const value = String(raw).trim();
  if (value === '' || mapping.never.has(value.toLowerCase())) return null;
  const day = parseExportDate(value, mapping.dateFormat, mapping.timeZone);
  if (day === undefined) {
    throw new RecordError(
      `"${value}" in column "${column}" is not a ${mapping.dateFormat} date; set usage.config.date_format to one of ${DATE_FORMATS.join(', ')}, or list the value in usage.config.never`,
    );
  }
  return day;
}

function signalsOf(get: (column: string) => unknown, mapping: ImportMapping): Record<string, number> | undefined {
  const signals: Record<string, number> = {};
  for (const [signal, column] of mapping.signals) {
    const raw = get(column);
    if (raw === undefined || raw === null || String(raw).trim() === '') continue;
    const n = toNumber(typeof raw === 'string' ? raw.replace(/,/g, '') : raw);
    if (n === undefined) throw new RecordError(`"${String(raw)}" in column "${column}" (signal ${signal}) is not a number`);
    signals[signal] = n;
  }
  return Object.keys(signals).length > 0 ? signals : undefined;
}
