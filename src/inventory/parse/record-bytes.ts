import { Bail, resolvePlain } from './flow-value.ts';
import { finishHeader, flowLinesMap, newHeader, readHeader, type FlowLinesParse } from './flow-lines.ts';
import { FNV_OFFSET, FNV_PRIME, Interner } from './intern.ts';
import { linesOf, rememberLines, reusedRun, reuseLine, type Lines } from './record-reuse.ts';
import { IntList, lineRoom } from '../../util/int-list.ts';
import type { RecordAccept } from '../record-check.ts';
import { ID_BYTE, isWord, maybeNotString, NO_PLAIN_START, PLAIN, TEXT_BYTE, WIDE_BYTE } from './plain-bytes.ts';

/** Node's Buffer slicers: a new flat string per call (never a slice that pins the file's text). */
interface Slicer extends Uint8Array {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}

const SP = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const COMMA = 44;
const DQUOTE = 34;
const SQUOTE = 39;
const BACKSLASH = 92;
const LBRACE = 123;
const RBRACE = 125;
const LBRACKET = 91;
const RBRACKET = 93;
const PERSON = Buffer.from(' person: ');
const TIER = Buffer.from(', tier: ');
const SINCE = Buffer.from(', since: ');
/** Longest key read here (IDs of the schema are far shorter). */
const MAX_KEY = 64;

/**
 * The line scanner of flow-lines.ts, working on the file's bytes: the same records, the same
 * source map, but every string is a flat copy (never a slice that pins the file's text and
 * makes each map lookup by it slow), keys and ID-like values come from an interner, no tuples
 * are allocated per value, and most scalars are typed by their first byte instead of regular
 * expressions.
 * It accepts a strict subset of what flow-lines.ts accepts and returns null for anything else
 * (single quotes, tabs, control characters, a BOM, ...), so the caller falls back to flow-lines.ts
 * and the result never differs from it.
 */
export function scanRecordBytes(bytes: Uint8Array, recordsKey: string, interner: Interner = new Interner(), accept?: RecordAccept, previous?: object): (FlowLinesParse & { unsure?: number[]; fresh?: number[] }) | null {
  const scanner = new ByteScanner(bytes, interner, undefined, accept, previous === undefined ? undefined : linesOf(previous));
  try {
    const parsed = scanner.scan(recordsKey);
    return parsed && (accept || scanner.previous) ? { ...parsed, ...(accept ? { unsure: scanner.unsure } : {}), ...(scanner.previous ? { fresh: scanner.fresh } : {}) } : parsed;
  } catch (e) {
    if (e instanceof Bail) return null;
    throw e;
  }
}

/** Lines of the record list that the scanner left for the full parser, and where their records go. */
export interface IrregularRegion {
  /** First and last line (1-based) and the byte range from the first line's start to the last line's end. */
  fromLine: number;
  toLine: number;
  fromByte: number;
  toByte: number;
  /** Index in the scanned records before which this region's records belong. */
  at: number;
}

/**
 * `scanRecordBytes` that does not give up on record lines of another shape: it leaves them, in
 * runs of lines between regular records, for the full parser (parse/spliced.ts). Still null when
 * anything outside the record list is irregular.
 */
export function scanRecordBytesLeniently(bytes: Uint8Array, recordsKey: string, interner: Interner = new Interner()): (FlowLinesParse & { regions: IrregularRegion[]; itemIndent: number }) | null {
  const scanner = new ByteScanner(bytes, interner, []);
  try {
    const parsed = scanner.scan(recordsKey);
    return parsed && { ...parsed, regions: scanner.regions!, itemIndent: scanner.itemIndent };
  } catch (e) {
    if (e instanceof Bail) return null;
    throw e;
  }
}

class ByteScanner {
  readonly b: Slicer;
  readonly interner: Interner;
  readonly latin1: (start: number, end: number) => string;
  /** Collected irregular record lines (lenient mode); undefined: any irregular line gives up. */
  readonly regions: IrregularRegion[] | undefined;
  /**
   * A check of each record as it is made (record-check.ts), while it and its strings are still in
   * the processor's cache: over a million seats, a second walk costs a cache miss per record.
   */
  readonly accept: RecordAccept | undefined;
  /** Whether the last record `item` gave was read by `seat`. */
  wasSeat = false;
  /** Indices of the records `accept` was unsure of; with `previous`, of those not reused (the reused ones, not in `fresh`, it is not asked about). */
  readonly unsure: number[] = [];
  /** With `previous`: indices of the records not reused from it. */
  readonly fresh: number[] = [];
  /** Whether the last record `item` gave was reused. */
  wasReused = false;
  readonly previous: Lines | undefined;
  /** The earlier version's next record line (see `reused`). */
  at = 0;
  itemIndent = -1;
  end = 0;
  /** Where the line `seat` read ends (after its `}`). */
  seatEnd = 0;

  constructor(bytes: Uint8Array, interner: Interner, regions?: IrregularRegion[], accept?: RecordAccept, previous?: Lines) {
    this.b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as Slicer;
    this.interner = interner;
    this.latin1 = (s, e) => this.b.latin1Slice(s, e);
    this.regions = regions;
    this.accept = accept;
    this.previous = previous;
  }

  /** The record of the earlier version's line with the same bytes as [start, end), near where the last one was. */
  reused(start: number, end: number): Record<string, unknown> | undefined {
    const found = reuseLine(this.previous!, this.at, this.b as unknown as Buffer, start, end);
    if (found) this.at = found.next;
    return found?.record;
  }

  /** In lenient mode, adds a record line to the current region (a new one after a regular record); else gives up. */
  irregular(line: number, start: number, end: number, at: number): boolean {
    const regions = this.regions;
    if (!regions) return false;
    const last = regions[regions.length - 1];
    if (last && last.at === at) {
      last.toLine = line;
      last.toByte = end;
    } else regions.push({ fromLine: line, toLine: line, fromByte: start, toByte: end, at });
    return true;
  }

  scan(recordsKey: string): FlowLinesParse | null {
    const b = this.b;
    const n = b.length;
    if (n >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return null;
    const head = newHeader(recordsKey);
    const records = head.records;
    // Off the heap (util/int-list.ts): for a large seat file, the collector copied these with every record.
    const room = lineRoom(b);
    const lineList = new IntList(room);
    const startList = new IntList(room);
    const endList = new IntList(room);
    let inList = false;
    let itemIndent = -1;
    let lineNo = 0;
    let pos = 0;
    while (pos <= n) {
      // A loop, not Buffer#indexOf: a native call per line costs more than reading a record line's bytes.
      let eol = pos;
      while (eol < n && b[eol] !== 10) eol++;
      lineNo++;
      const start = pos;
      let end = eol;
      if (end > start && b[end - 1] === 13) end--;
      pos = eol + 1;
      if (end === start) continue;
      const first = b[start]!;
      if (first === HASH) continue;
      if (first === SP || first === DASH) {
        let i = start;
        while (i < end && b[i] === SP) i++;
        if (i === end || b[i] === HASH) continue;
        if (!inList) return null;
        const record = this.item(i, start, end, itemIndent);
        if (record === undefined) {
          if (this.irregular(lineNo, start, end, records.length)) continue;
          return null;
        }
        if (itemIndent === -1) itemIndent = this.itemIndent;
        // A reused record is valid when the earlier version was (validate-reused.ts); else ajv judges it, as it
        // judges every record not listed in `fresh`: those are not listed in `unsure` (85,000 entries for a large file).
        if (!this.wasReused) {
          const accept = this.accept;
          if (accept && !(this.wasSeat && accept.seat ? accept.seat(record.person, record.tier, record.since) : accept(record))) this.unsure.push(records.length);
          if (this.previous) this.fresh.push(records.length);
        }
        records.push(record);
        lineList.push(lineNo);
        startList.push(start);
        endList.push(end);
        // The lines after a reused one that repeat the earlier version's, taken in one step.
        if (this.wasReused && !this.regions) {
          const p = this.previous!;
          const j0 = this.at;
          const run = reusedRun(p, j0, b as unknown as Buffer, pos);
          if (run === 0) continue;
          const shift = pos - p.starts[j0]!;
          const lineShift = lineNo + 1 - p.lines[j0]!;
          for (let j = j0; j < j0 + run; j++) records.push(p.records[j]);
          lineList.pushShifted(p.lines, j0, j0 + run, lineShift);
          startList.pushShifted(p.starts, j0, j0 + run, shift);
          endList.pushShifted(p.ends, j0, j0 + run, shift);
          const last = j0 + run - 1;
          lineNo = p.lines[last]! + lineShift;
          pos = p.ends[last]! + shift + (b[p.ends[last]! + shift] === 13 ? 2 : 1);
          this.at = last + 1;
        }
        continue;
      }
      const h = readHeader(b.utf8Slice(start, end), lineNo, head);
      if (h === false) return null;
      inList = h === 'list';
    }
    if (!finishHeader(head)) return null;
    const [recordLines, recordStarts, recordEnds] = [lineList.view(), startList.view(), endList.view()];
    // Only a file read whole by this scanner: the lenient mode's records are spliced with others later.
    if (!this.regions) rememberLines(head.data, { b: b as unknown as Buffer, starts: recordStarts, ends: recordEnds, lines: recordLines, records });
    const recordText = (index: number) => {
      const s = recordStarts[index]!;
      let e = b.indexOf(10, s);
      if (e === -1) e = n;
      if (e > s && b[e - 1] === 13) e--;
      return b.utf8Slice(s, e);
    };
    return { data: head.data, map: flowLinesMap(recordText, recordsKey, head.positions, recordLines) };
  }

  /** The record of a line `- { ... }` whose first non-space byte is at `i`, at the items' indent (-1: not known yet); undefined for another shape. */
  item(i: number, start: number, end: number, itemIndent: number): Record<string, unknown> | undefined {
    const b = this.b;
    if (b[i] !== DASH) return undefined;
    const indent = i - start;
    if (itemIndent !== -1 && indent !== itemIndent) return undefined;
    i++;
    if (b[i] !== SP) return undefined;
    while (b[i] === SP) i++;
    if (b[i] !== LBRACE || i >= end) return undefined;
    const reused = this.previous && this.reused(start, end);
    this.wasReused = reused !== undefined;
    if (reused) {
      this.itemIndent = indent;
      return reused;
    }
    this.end = end;
    let record: Record<string, unknown>;
    try {
      // In the lenient mode a value `plain` refuses makes the line irregular, whichever reads it.
      const seat = this.seat(i + 1);
      this.wasSeat = seat !== undefined;
      if (seat) {
        record = seat;
        i = this.seatEnd;
      } else {
        record = {};
        i = this.map(i + 1, record);
      }
    } catch (e) {
      if (e instanceof Bail && this.regions) return undefined;
      throw e;
    }
    let j = i;
    while (j < end && b[j] === SP) j++;
    if (j < end && !(b[j] === HASH && j > i)) return undefined;
    this.itemIndent = indent;
    return record;
  }

  /**
   * The usual seat line, `{ person: P, tier: T, since: S }` with single spaces and plain values, read without
   * reading its keys: the record is made with its three properties in place (`map` reads and interns each key and
   * adds it to an empty object). Undefined for any other line, which `map` then reads from its start; the values
   * are read by `plain`, as `map` reads them. `seatEnd` is then the index after `}`.
   */
  seat(i: number): Record<string, unknown> | undefined {
    const b = this.b;
    let j = this.key(i, PERSON);
    if (j === -1) return undefined;
    const record: Record<string, unknown> = { person: undefined, tier: undefined, since: undefined };
    j = this.plain(j, record, 'person');
    j = this.key(j, TIER);
    if (j === -1) return undefined;
    j = this.plain(j, record, 'tier');
    j = this.key(j, SINCE);
    if (j === -1) return undefined;
    j = this.plain(j, record, 'since');
    if (b[j] !== RBRACE) return undefined;
    this.seatEnd = j + 1;
    return record;
  }

  /** The index after `text` at `i` when the bytes there are `text` followed by a plain value's first byte; -1 otherwise. */
  key(i: number, text: Uint8Array): number {
    const b = this.b;
    if (i + text.length >= this.end) return -1;
    for (let k = 0; k < text.length; k++) if (b[i + k] !== text[k]) return -1;
    const c = b[i + text.length]!;
    return c === SP || c === DQUOTE || c === SQUOTE || c === LBRACE || c === LBRACKET ? -1 : i + text.length;
  }

  /** Skips spaces; a tab or control character bails. */
  spaces(i: number): number {
    const b = this.b;
    while (b[i] === SP) i++;
    if (i < this.end && b[i]! < SP) throw new Bail();
    return i;
  }

  /** A flow mapping whose `{` is just before `i`; fills `out`; returns the index after `}`. */
  map(i: number, out: Record<string, unknown>): number {
    const b = this.b;
    i = this.spaces(i);
    if (b[i] === RBRACE) return i + 1;
    for (;;) {
      i = this.spaces(i);
      const keyStart = i;
      let c = b[i]!;
      if (!(isWord(c) || c === 95)) throw new Bail();
      i++;
      for (c = b[i]!; i < this.end && (isWord(c) || c === 95 || c === 46 || c === DASH); c = b[++i]!);
      if (b[i] !== COLON || b[i + 1] !== SP || i - keyStart > MAX_KEY) throw new Bail();
      const key = this.interner.string(this.interner.slot(b, keyStart, i, this.latin1));
      if (key === '__proto__' || Object.hasOwn(out, key)) throw new Bail();
      i = this.value(this.spaces(i + 1), out, key);
      i = this.spaces(i);
      if (b[i] === COMMA) {
        i = this.spaces(i + 1);
        if (b[i] === RBRACE) return i + 1;
        continue;
      }
      if (b[i] === RBRACE) return i + 1;
      throw new Bail();
    }
  }

  /** A flow sequence whose `[` is just before `i`. */
  seq(i: number, out: unknown[]): number {
    const b = this.b;
    i = this.spaces(i);
    if (b[i] === RBRACKET) return i + 1;
    for (;;) {
      i = this.value(this.spaces(i), out, out.length);
      i = this.spaces(i);
      if (b[i] === COMMA) {
        i = this.spaces(i + 1);
        if (b[i] === RBRACKET) return i + 1;
        continue;
      }
      if (b[i] === RBRACKET) return i + 1;
      throw new Bail();
    }
  }

  /** The value at `i`, stored as `into[key]`; returns the index after it. */
  value(i: number, into: Record<string, unknown> | unknown[], key: string | number): number {
    const b = this.b;
    if (i >= this.end) throw new Bail();
    const c = b[i]!;
    const set = into as Record<string | number, unknown>;
    if (c === LBRACE) {
      const m: Record<string, unknown> = {};
      set[key] = m;
      return this.map(i + 1, m);
    }
    if (c === LBRACKET) {
      const s: unknown[] = [];
      set[key] = s;
      return this.seq(i + 1, s);
    }
    if (c === DQUOTE) return this.double(i + 1, set, key);
    if (c === SQUOTE) throw new Bail();
    return this.plain(i, set, key);
  }

  double(i: number, set: Record<string | number, unknown>, key: string | number): number {
    const b = this.b;
    let ascii = true;
    let j = i;
    for (; j < this.end; j++) {
      const c = b[j]!;
      if (c === DQUOTE) break;
      if (c === BACKSLASH || c < SP || c === 127) throw new Bail();
      if (c > 127) ascii = false;
    }
    if (j >= this.end) throw new Bail();
    set[key] = ascii ? b.latin1Slice(i, j) : b.utf8Slice(i, j);
    return j + 1;
  }

  plain(i: number, set: Record<string | number, unknown>, key: string | number): number {
    const b = this.b;
    const end = this.end;
    const first = b[i]!;
    if ((first < 128 && NO_PLAIN_START[first] === 1) || (first === DASH && (i + 1 >= end || b[i + 1] === SP))) throw new Bail();
    let ascii = true;
    let slug = true;
    let hash = FNV_OFFSET;
    // Where spaces after the text start: the last value of `{ ..., since: 2026-01-05 }` is followed by one.
    let spaces = -1;
    let j = i;
    for (; j < end; j++) {
      const c = b[j]!;
      const kind = PLAIN[c]!;
      if (kind === ID_BYTE) {
        if (spaces !== -1) slug = false;
        hash = Math.imul(hash ^ c, FNV_PRIME);
        continue;
      }
      if (kind === TEXT_BYTE) {
        if (c === SP && spaces === -1) spaces = j;
        else if (c !== SP) slug = false;
        continue;
      }
      if (kind === WIDE_BYTE) {
        ascii = false;
        slug = false;
        continue;
      }
      if (c === COMMA || c === RBRACE || c === RBRACKET) break;
      slug = false;
      if (c === COLON) {
        const d = b[j + 1];
        if (j + 1 >= end || d === SP || d === COMMA || d === RBRACE || d === RBRACKET) throw new Bail();
      } else if (c !== HASH || b[j - 1] === SP) throw new Bail(); // `[`, `{`, ` #`, a control character
    }
    if (j >= end) throw new Bail();
    if (!ascii) {
      // Non-ASCII text: exactly what flow-value.ts does with the decoded line.
      set[key] = resolvePlain(b.utf8Slice(i, j).trimEnd());
      return j;
    }
    const stop = spaces === -1 ? j : spaces;
    if (slug && stop > i && stop - i <= MAX_KEY) {
      // An ID, a tier, a date: interned, so that a seat's person ID is the very string that keys
      // the people map (rules look a million of them up) and a date is stored once, also when it is
      // a record's last value (a string a seat, before: 32 bytes each, a million in a large org).
      const text = this.interner.string(this.interner.slotHashed(hash, b, i, stop, this.latin1));
      set[key] = maybeNotString(b, i, stop) ? resolvePlain(text) : text;
      return j;
    }
    let k = j;
    while (k > i && b[k - 1] === SP) k--;
    set[key] = maybeNotString(b, i, k) ? resolvePlain(b.latin1Slice(i, k)) : b.latin1Slice(i, k);
    return j;
  }
}
