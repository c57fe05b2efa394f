// The account lines of a usage snapshot, found line by line (account-line.ts) instead of by a parse:
// only lines of the exact shape `lac pull` writes, whose every value certainly reads (byte scanner,
// YAML core schema) as what the schema wants. whole-usage.ts parses the rest of the file to finish the verdict.
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { plainId, plainMonthDay } from '../inventory/record-check.ts';
import { IntList, lineRoom } from '../util/int-list.ts';
import { accountSpans, matchAccountLine, TEXT_MAX, type AccountSpans } from './account-line.ts';
import type { UsageLines } from './whole-usage.ts';

/** Plain scalars that the YAML core schema reads as null or a boolean. */
const KEYWORD = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
const utf8 = new TextDecoder('utf-8', { fatal: true });
const isDate = (fullFormats.date as { validate: (s: string) => boolean }).validate;

const SP = 32;
const DASH = 45;
const HASH = 35;
const NL = 10;
const CR = 13;
const HEADER = Buffer.from('accounts:');

type Latin1 = Buffer & { latin1Slice(start: number, end: number): string };

/** plainDate of the ten digits and dashes at `from` (the matcher saw their shape). */
const plainDay = (b: Uint8Array, from: number): boolean => plainMonthDay((b[from + 5]! - 48) * 10 + b[from + 6]! - 48, (b[from + 8]! - 48) * 10 + b[from + 9]! - 48);

/** Whether the values of one matched line are what the schema accepts: lengths, IDs, keywords, calendar dates, signal names once each. */
function valuesOk(b: Latin1, s: AccountSpans, person: string, dates: Map<string, boolean>): boolean {
  for (let g = 0; g < TEXT_MAX.length; g++) {
    const from = s.text[2 * g]!;
    if (from < 0) continue;
    const length = s.text[2 * g + 1]! - from;
    if (g === 1 ? !plainId(person) : length > TEXT_MAX[g]!) return false;
    // Only short values can be keywords: no string is made of the others.
    if (length <= 5 && KEYWORD.has(b.latin1Slice(from, from + length))) return false;
  }
  for (let d = 0; d < 2; d++) {
    const from = s.dates[2 * d]!;
    // The matcher saw YYYY-MM-DD in digits: a month 01-12 and a day 01-28 are certainly a date (as plainDate says), without a string.
    if (from < 0 || plainDay(b, from)) continue;
    const text = b.latin1Slice(from, from + 10);
    let ok = dates.get(text);
    if (ok === undefined) dates.set(text, (ok = isDate(text)));
    if (!ok) return false;
  }
  // The byte scanner gives up on a repeated key.
  const from = s.signals[0]!;
  if (from < 0) return true;
  const inner = b.latin1Slice(from, s.signals[1]!);
  if (!inner.includes(',')) return true;
  const names = inner.split(', ').map((x) => x.slice(0, x.indexOf(':')));
  return new Set(names).size === names.length;
}

/**
 * Each account line's span and person when every item line of the `accounts:` list has the written
 * shape and valid values; undefined when any has not (or there is none). Other lines are not judged.
 */
export function scanAccountLines(bytes: Uint8Array): UsageLines | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Latin1;
  // Off the heap (util/int-list.ts): 87,000 accounts are two arrays the collector would copy as they grow.
  const room = lineRoom(bytes);
  const starts = new IntList(room);
  const ends = new IntList(room);
  const persons: string[] = [];
  const dates = new Map<string, boolean>();
  const spans = accountSpans();
  let inAccounts = false;
  // Lines classified as the byte scanner (parse/record-bytes.ts) does: blank, comment, item, header.
  for (let pos = 0; pos <= b.length; ) {
    const start = pos;
    let i = start;
    if (inAccounts) while (b[i] === SP) i++;
    // An item of the list: its match finds where the line ends (no search for the line break first).
    // (Not blank to its end: a carriage return there is part of the line break, as everywhere.)
    const blank = i === b.length || b[i] === NL || (b[i] === CR && (i + 1 === b.length || b[i + 1] === NL));
    if (inAccounts && !blank && b[i] !== HASH && (b[start] === SP || b[start] === DASH)) {
      const eol = matchAccountLine(b, start, spans);
      if (eol < 0) return undefined;
      pos = eol + 1;
      if (!accepted(start, eol)) return undefined;
      continue;
    }
    let eol = b.indexOf(10, pos);
    if (eol === -1) eol = b.length;
    const end = eol > start && b[eol - 1] === CR ? eol - 1 : eol;
    pos = eol + 1;
    if (end === start || b[start] === HASH || b[start] === SP || b[start] === DASH) continue;
    inAccounts = end - start === HEADER.length && b.compare(HEADER, 0, HEADER.length, start, end) === 0;
  }
  return starts.length > 0 ? { starts: starts.view(), ends: ends.view(), persons } : undefined;

  /** Whether the matched line [start, end)'s values are valid; if so it is added. */
  function accepted(start: number, end: number): boolean {
    const person = spans.text[2]! < 0 ? '' : b.latin1Slice(spans.text[2]!, spans.text[3]!);
    if (!valuesOk(b, spans, person, dates)) return false;
    // The whole file must be UTF-8; the rest of it is decoded where it is parsed.
    if (spans.wide) {
      try {
        utf8.decode(bytes.subarray(start, end));
      } catch {
        return false;
      }
    }
    starts.push(start);
    ends.push(end);
    persons.push(person);
    return true;
  }
}
