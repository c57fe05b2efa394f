// The account lines of a usage snapshot, found by one regular expression per line instead of a parse:
// only lines of the exact shape `lac pull` writes, whose every value certainly reads (byte scanner,
// YAML core schema) as what the schema wants. whole-usage.ts parses the rest of the file to finish the verdict.
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { plainDate, plainId } from '../inventory/record-check.ts';
import type { UsageLines } from './whole-usage.ts';

// A plain scalar that starts with a letter: never a number, a date or an indicator; no `:`, `#`, `,`, quote or bracket; no trailing space.
const PLAIN = '[A-Za-z](?:[A-Za-z0-9._@+/\\x80-\\xff -]*[A-Za-z0-9._@+/\\x80-\\xff-])?';
// A double-quoted scalar without escapes or control characters: always a string.
const QUOTED = '"[^"\\\\\\x00-\\x1f\\x7f]+"';
const TEXT = `(${PLAIN}|${QUOTED})`;
const DATE = '(\\d{4}-\\d{2}-\\d{2})';
const SIGNAL = '[a-z][a-z0-9_]{0,63}: (?:0|[1-9][0-9]{0,14})';
// The keys in serialize.ts's order; latin1 text, so a byte above 0x7f is one character.
const LINE = new RegExp(
  `  - \\{ account: ${TEXT}(?:, person: ([a-z][a-z0-9._-]*))?(?:, email: ${TEXT})?(?:, login: ${TEXT})?(?:, name: ${TEXT})?(?:, tier: ${TEXT})?` +
    `(?:, status: (?:active|suspended|deactivated|invited|guest))?(?:, last_active: (?:null|${DATE}))?(?:, pending_cancellation: ${DATE})?` +
    `(?:, signals: \\{ (${SIGNAL}(?:, ${SIGNAL})*) \\})? \\}(?=\\n|$)`,
  'y',
);
/** Longest text each group may hold (schemas/usage.schema.json), in bytes: at least as many as code points. */
const MAX = [320, 0, 320, 200, 200, 100];
/** Plain scalars that the YAML core schema reads as null or a boolean. */
const KEYWORD = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
const keyword = (v: string) => v.length <= 5 && KEYWORD.has(v);
const WIDE = /[\x80-\xff]/g;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const isDate = (fullFormats.date as { validate: (s: string) => boolean }).validate;

const SP = 32;
const DASH = 45;
const HASH = 35;
const HEADER = Buffer.from('accounts:');

/** Whether the groups of one matched line hold values the schema accepts. */
function valuesOk(m: RegExpExecArray, dates: Map<string, boolean>): boolean {
  for (let g = 0; g < MAX.length; g++) {
    const v = m[g + 1];
    if (v === undefined) continue;
    if (g === 1 ? !plainId(v) || keyword(v) : v.length > MAX[g]! || keyword(v)) return false;
  }
  for (let g = 7; g <= 8; g++) {
    const d = m[g];
    if (d === undefined || plainDate(d)) continue;
    let ok = dates.get(d);
    if (ok === undefined) dates.set(d, (ok = isDate(d)));
    if (!ok) return false;
  }
  // The byte scanner gives up on a repeated key.
  const signals = m[9]?.includes(',') ? m[9].split(', ').map((s) => s.slice(0, s.indexOf(':'))) : undefined;
  return !signals || new Set(signals).size === signals.length;
}

/**
 * Each account line's span and person when every item line of the `accounts:` list has the written
 * shape and valid values; undefined when any has not (or there is none). Other lines are not judged.
 */
export function scanAccountLines(bytes: Uint8Array): UsageLines | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = b.toString('latin1');
  const starts: number[] = [];
  const ends: number[] = [];
  const persons: string[] = [];
  const dates = new Map<string, boolean>();
  let inAccounts = false;
  /** Where the next byte above 0x7f is, at or after the line being read. */
  let wide = -1;
  // Lines classified as the byte scanner (parse/record-bytes.ts) does: blank, comment, item, header.
  for (let pos = 0; pos <= b.length; ) {
    let eol = b.indexOf(10, pos);
    if (eol === -1) eol = b.length;
    const start = pos;
    const end = eol > start && b[eol - 1] === 13 ? eol - 1 : eol;
    pos = eol + 1;
    if (end === start || b[start] === HASH) continue;
    if (b[start] !== SP && b[start] !== DASH) {
      inAccounts = end - start === HEADER.length && b.compare(HEADER, 0, HEADER.length, start, end) === 0;
      continue;
    }
    let i = start;
    while (i < end && b[i] === SP) i++;
    if (i === end || b[i] === HASH || !inAccounts) continue;
    LINE.lastIndex = start;
    const m = LINE.exec(text);
    if (!m || !valuesOk(m, dates)) return undefined;
    // The whole file must be UTF-8; the rest of it is decoded where it is parsed.
    if (wide < start) {
      WIDE.lastIndex = start;
      wide = WIDE.test(text) ? WIDE.lastIndex - 1 : Infinity;
    }
    if (wide < end) {
      try {
        utf8.decode(bytes.subarray(start, end));
      } catch {
        return undefined;
      }
    }
    starts.push(start);
    ends.push(end);
    persons.push(m[2] ?? '');
  }
  return starts.length > 0 ? { starts, ends, persons } : undefined;
}
