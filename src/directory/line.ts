import { parseDocument, isMap } from 'yaml';
import { Bail, parseFlowValue, resolvePlain } from '../inventory/parse/flow-value.ts';

/** The order people.yaml's fields are written in when a field is added (the schema's order). */
export const FIELD_ORDER = ['id', 'name', 'email', 'directory_id', 'aliases', 'github', 'department', 'cost_centre', 'manager', 'title', 'location', 'employment_type', 'groups', 'status', 'start', 'end'];

/** A one-line record: what comes before `{`, the record, and what comes after `}` (a comment). */
export interface RecordLine {
  prefix: string;
  record: Record<string, unknown>;
  suffix: string;
}

/** Reads `  - { ... }  # comment`; undefined for any other line. */
export function readRecordLine(line: string): RecordLine | undefined {
  const m = /^( *- +)\{/.exec(line);
  if (!m) return undefined;
  const start = m[1]!.length;
  try {
    const [value, end] = parseFlowValue(line, start);
    return { prefix: line.slice(0, start), record: value as Record<string, unknown>, suffix: line.slice(end) };
  } catch (e) {
    if (!(e instanceof Bail)) throw e;
  }
  // What the fast parser leaves to the full one (escapes, odd quoting).
  const doc = parseDocument(line.slice(start));
  if (doc.errors.length > 0 || !isMap(doc.contents) || !doc.contents.range) return undefined;
  return { prefix: line.slice(0, start), record: doc.toJS() as Record<string, unknown>, suffix: line.slice(start + doc.contents.range[1]).replace(/^\s*$/, '') };
}

/** A YAML flow scalar: plain where YAML reads it back as the same string, else double-quoted. */
export function scalar(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(scalar).join(', ')}]`;
  const text = String(value);
  if (/^[A-Za-z0-9\u00C0-\u2027\u202A-\uFEFE][^,[\]{}#:"'\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]*$/u.test(text) && !/\s$/.test(text)) {
    try {
      if (resolvePlain(text) === text) return text;
    } catch (e) {
      if (!(e instanceof Bail)) throw e;
    }
  }
  return JSON.stringify(text);
}

/** Writes a record line back: keys in their old order, new keys at their schema place, undefined values dropped. */
export function writeRecordLine(line: RecordLine, patch: Record<string, unknown>): string {
  const keys = Object.keys(line.record);
  for (const key of Object.keys(patch)) {
    if (keys.includes(key)) continue;
    const rank = FIELD_ORDER.indexOf(key);
    const at = keys.findIndex((k) => FIELD_ORDER.indexOf(k) > rank);
    keys.splice(at === -1 ? keys.length : at, 0, key);
  }
  const merged: Record<string, unknown> = { ...line.record, ...patch };
  const parts = keys.filter((k) => merged[k] !== undefined).map((k) => `${k}: ${scalar(merged[k])}`);
  return `${line.prefix}{ ${parts.join(', ')} }${line.suffix}`;
}
