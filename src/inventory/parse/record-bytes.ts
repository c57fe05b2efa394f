import { Bail } from './flow-value.ts';
import { finishHeader, flowLinesMap, newHeader, readHeader, type FlowLinesParse } from './flow-lines.ts';
import { FlowBytes, DASH, HASH, LBRACE, SP } from './flow-bytes.ts';
import { Interner } from './intern.ts';
import { linesOf, rememberLines, reusedRun, reuseLine, type Lines } from './record-reuse.ts';
import { rememberTwice } from './record-twice.ts';
import { IntList, lineRoom } from '../../util/int-list.ts';
import type { RecordAccept } from '../record-check.ts';

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

/** The record list's lines, read one after another: the records, their lines and spans, reuse, irregular lines. */
class ByteScanner extends FlowBytes {
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
  /**
   * The interner's tag the list's person IDs are counted with (record-twice.ts): 0 before the first record, -1 when
   * they are not counted (an interner that does not count, an earlier version to reuse, the lenient mode, a record
   * without a person ID or with a device).
   */
  tag = 0;
  /** Person IDs seen again on a later seat line (an ID on three lines is here twice). */
  readonly twice: string[] = [];

  constructor(bytes: Uint8Array, interner: Interner, regions?: IrregularRegion[], accept?: RecordAccept, previous?: Lines) {
    super(bytes, interner);
    this.regions = regions;
    this.accept = accept;
    this.previous = previous;
    if (previous || regions || !interner.counting) this.tag = -1;
  }

  /** Counts the person ID of a record just read (`personSlot` its slot); a record with a device, or none, stops the count. */
  countPerson(record: Record<string, unknown>): void {
    if (this.tag === -1) return;
    let slot = this.personSlot;
    const person = record.person;
    if (slot === -1 || typeof person !== 'string' || record.device !== undefined) {
      this.tag = -1;
      return;
    }
    // The table grew (and its slots moved) while the rest of the line was read.
    if (this.personGrows !== this.interner.grows && (slot = this.interner.find(person)) === -1) {
      this.tag = -1;
      return;
    }
    if (this.tag === 0) this.tag = this.interner.newTag();
    if (this.interner.seenWith(slot, this.tag)) this.twice.push(person);
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
    const room = lineRoom(b);
    // Room for the records at once, as for the lists below: grown by push, a large file's array was copied some twenty
    // times, the last copies each a mapping of fresh memory of its own (V8's large-object space). Cut to length at the end.
    const records = (head.records = new Array<unknown>(room));
    let count = 0;
    // Off the heap (util/int-list.ts): for a large seat file, the collector copied these with every record.
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
          if (this.irregular(lineNo, start, end, count)) continue;
          return null;
        }
        if (itemIndent === -1) itemIndent = this.itemIndent;
        // A reused record is valid when the earlier version was (validate-reused.ts); else ajv judges it, as it
        // judges every record not listed in `fresh`: those are not listed in `unsure` (85,000 entries for a large file).
        if (!this.wasReused) {
          const accept = this.accept;
          if (accept && !(this.wasSeat && accept.seat ? accept.seat(record.person, record.tier, record.since) : accept(record))) this.unsure.push(count);
          if (this.previous) this.fresh.push(count);
        }
        records[count++] = record;
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
          for (let j = j0; j < j0 + run; j++) records[count++] = p.records[j];
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
    records.length = count;
    if (!finishHeader(head)) return null;
    const [recordLines, recordStarts, recordEnds] = [lineList.view(), startList.view(), endList.view()];
    // Only a file read whole by this scanner: the lenient mode's records are spliced with others later.
    if (!this.regions) rememberLines(head.data, { b: b as unknown as Buffer, starts: recordStarts, ends: recordEnds, lines: recordLines, records });
    if (this.tag !== -1) rememberTwice(records, [...new Set(this.twice)]);
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
        // seat() may have read a person ID before it gave up on the line.
        this.personSlot = -1;
        i = this.map(i + 1, record);
      }
      this.countPerson(record);
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
}
