/**
 * A cheap acceptor for the one-line records of a kind (seats, people), built from the same schema
 * ajv compiles: true only when ajv would find nothing wrong with the record; false when it
 * cannot tell, and then ajv decides (issue 16: ajv over a million seats was most of the validate
 * phase). It knows only string properties with pattern, length, format and enum; a record with any
 * other kind of value, or a schema with any other keyword, goes to ajv.
 */
export type RecordAccept = ((record: unknown) => boolean) & {
  /**
   * The same answer for a record of exactly the keys person, tier and since, in that order, from its values:
   * what the byte scanner's usual seat line gives (parse/record-bytes.ts `seat`). Absent when the schema has no
   * check of its own for each of the three or requires another key.
   */
  seat?: (person: unknown, tier: unknown, since: unknown) => boolean;
};

import { ID_PATTERN } from './schema/kind-table.ts';

type Format = (s: string) => boolean;
type Schema = Record<string, unknown>;

/** Keywords that say nothing about validity (annotations). */
const ANNOTATIONS = new Set(['description', 'x-expected']);
const STRING_KEYWORDS = new Set(['type', 'pattern', 'minLength', 'maxLength', 'format', 'enum', ...ANNOTATIONS]);
const RECORD_KEYWORDS = new Set(['type', 'required', 'properties', 'additionalProperties', ...ANNOTATIONS]);
const LIST_KEYWORDS = new Set(['type', 'items', ...ANNOTATIONS]);
/** Distinct texts remembered per pattern: IDs and dates repeat across a million seats; a bound on hostile input. */
const MAX_MEMO = 1_000_000;

const only = (schema: Schema, allowed: Set<string>) => Object.keys(schema).every((k) => allowed.has(k));

/** The acceptor for the items of the list schema `list`, or undefined when the schema has keywords it does not know. */
export function recordAcceptor(list: Schema | undefined, formats: Record<string, Format>): RecordAccept | undefined {
  if (!list || list.type !== 'array' || !only(list, LIST_KEYWORDS)) return undefined;
  const item = list.items as Schema | undefined;
  if (!item || item.type !== 'object' || item.additionalProperties !== false || !only(item, RECORD_KEYWORDS)) return undefined;
  const checks = new Map<string, (v: unknown) => boolean>();
  for (const [key, prop] of Object.entries((item.properties ?? {}) as Record<string, Schema>)) {
    const check = stringCheck(prop, formats);
    if (check) checks.set(key, check);
  }
  const required = (item.required ?? []) as string[];
  const accept: RecordAccept = (record) => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) return false;
    const r = record as Record<string, unknown>;
    for (let k = 0; k < required.length; k++) if (r[required[k]!] === undefined) return false;
    for (const key in r) {
      const check = checks.get(key);
      if (!check || !check(r[key])) return false;
    }
    return true;
  };
  const [person, tier, since] = [checks.get('person'), checks.get('tier'), checks.get('since')];
  // The acceptor's answer for such a record: no required key is missing (a value read is never undefined), and each
  // key has a check that passes.
  if (person && tier && since && required.every((k) => k === 'person' || k === 'tier' || k === 'since')) accept.seat = (p, t, s) => person(p) && tier(t) && since(s);
  return accept;
}

/** A check of a string property that is sure when it says true; undefined for a schema it does not know. */
function stringCheck(prop: Schema, formats: Record<string, Format>): ((v: unknown) => boolean) | undefined {
  if (prop.type !== 'string' || !only(prop, STRING_KEYWORDS)) return undefined;
  const known = prop.format === undefined ? undefined : formats[prop.format as string];
  if (prop.format !== undefined && !known) return undefined;
  const format = known && prop.format === 'date' ? (s: string) => plainDate(s) || known(s) : known;
  // ajv compiles patterns with the u flag (unicodeRegExp).
  const re = prop.pattern === undefined ? undefined : new RegExp(prop.pattern as string, 'u');
  const pattern = re && prop.pattern === ID_PATTERN ? (s: string) => plainId(s) || re.test(s) : re && remembered((s) => re.test(s), MAX_MEMO);
  const min = (prop.minLength as number | undefined) ?? 0;
  const max = (prop.maxLength as number | undefined) ?? Infinity;
  const allowed = prop.enum as unknown[] | undefined;
  return (v) => {
    if (typeof v !== 'string') return false;
    // ajv counts code points: a string's length in UTF-16 units is at least that, at most twice.
    if (v.length > max || (v.length < 2 * min && !(min <= 1 && v.length >= min))) return false;
    if (allowed && !allowed.includes(v)) return false;
    if (pattern && !pattern(v)) return false;
    return !format || format(v);
  };
}

/** `check`'s answer remembered per text, for at most `max` texts (a bound on hostile input). */
export function remembered(check: (s: string) => boolean, max: number): (s: string) => boolean {
  const seen = new Map<string, boolean>();
  return (s) => {
    let ok = seen.get(s);
    if (ok === undefined) {
      ok = check(s);
      if (seen.size < max) seen.set(s, ok);
    }
    return ok;
  };
}

const isAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isSeparator = (c: number) => c === 46 || c === 95 || c === 45;
/** First three letters of the Windows device names ID_PATTERN refuses (con, nul, com1, lpt1...), as numbers. */
const DEVICE_START = new Set(['con', 'prn', 'aux', 'nul', 'com', 'lpt'].map((w) => (w.charCodeAt(0) << 16) | (w.charCodeAt(1) << 8) | w.charCodeAt(2)));

/**
 * True only for text ID_PATTERN certainly accepts: lowercase letters and digits in runs joined
 * by single separators, not starting like a device name nor ending in ".lock" (those go to the
 * regular expression). A loop over the characters costs less than the expression, or a map of
 * the answers, over a million seats.
 */
export function plainId(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 64 || !isAlnum(s.charCodeAt(0)) || !isAlnum(s.charCodeAt(n - 1))) return false;
  for (let i = 1; i < n - 1; i++) {
    const c = s.charCodeAt(i);
    if (isAlnum(c)) continue;
    if (!isSeparator(c) || !isAlnum(s.charCodeAt(i + 1))) return false;
  }
  const start = (s.charCodeAt(0) << 16) | (s.charCodeAt(1) << 8) | s.charCodeAt(2);
  return !(n >= 3 && DEVICE_START.has(start)) && !(n >= 5 && s.charCodeAt(n - 5) === 46 && s.endsWith('lock'));
}

const DIGITS_AT = [0, 1, 2, 3, 5, 6, 8, 9];

/** True only for a date ajv-formats certainly accepts: YYYY-MM-DD with a month 01-12 and a day 01-28 (the rest go to its check). */
export function plainDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  // Indexed loops here and in the acceptor: the diff compiles without TurboFan (cli/actions/diff-worker.ts), and
  // Maglev allocates an iterator and a result per step of for...of (70 MB over the diff's 170,000 fresh seats).
  for (let k = 0; k < DIGITS_AT.length; k++) {
    const c = s.charCodeAt(DIGITS_AT[k]!);
    if (c < 48 || c > 57) return false;
  }
  return plainMonthDay((s.charCodeAt(5) - 48) * 10 + s.charCodeAt(6) - 48, (s.charCodeAt(8) - 48) * 10 + s.charCodeAt(9) - 48);
}

/** plainDate's rule for a date whose digits are known: a month 01-12 and a day 01-28 are a date in every year. */
export const plainMonthDay = (month: number, day: number): boolean => month >= 1 && month <= 12 && day >= 1 && day <= 28;
