// A cheap index of people.yaml for `lac diff`: the IDs in file order and the line of each, when
// every person is one simple flow-map line (as `lac people pull` and the generator write it).
// Then a diff reads only the people its change needs, on their own lines (every other line left
// blank), so positions and messages are those of the whole file. One pass over the bytes: the
// people of the largest orgs are 20 MB.

import { FNV_OFFSET, FNV_PRIME, textHash } from '../inventory/parse/intern.ts';
import { IntList, lineRoom } from '../util/int-list.ts';

/** The records of people.yaml by ID, with the line each record is on. */
export interface PeopleIndex {
  /** Line numbers (0-based) of each ID's records, in file order. */
  lines: IdLines;
  bytes: Uint8Array;
  /** Byte offset of each line's start; one more entry at the end. */
  starts: Int32Array;
  /** Lines that are not records (header, comments, blank), kept in every sparse copy. */
  frame: Set<number>;
}

const NL = 10;
const SP = 32;
const HEADER = 'people:';
const isIdByte = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 45;
/** Whether position i starts a scalar (after `:`, `,` or `[`). */
const startsScalar = (b: Uint8Array, i: number): boolean => {
  let j = i - 1;
  while (b[j] === SP) j--;
  return b[j] === 58 || b[j] === 44 || b[j] === 91;
};
const isKeyByte = (c: number) => (c >= 97 && c <= 122) || c === 95;

// Bytes a value may hold without a second look: everything but flow indicators, quotes, escapes,
// comments, tabs, and the indicators that change a scalar when it starts with one.
const PLAIN = new Uint8Array(256).fill(1);
for (const ch of '"{}[],:#\t\r\\\'&*!|>%@`\n') PLAIN[ch.charCodeAt(0)] = 0;

/** The key starting at `i` (after `{` or `,`): its end (the `:`), or -1; its hash goes to `keys`. */
function readKey(b: Uint8Array, i: number, end: number, keys: number[]): number {
  while (b[i] === SP) i++;
  let h = 0;
  const from = i;
  while (i < end && isKeyByte(b[i]!)) h = (h * 31 + b[i++]!) | 0;
  if (i === from || b[i] !== 58 || b[i + 1] !== SP || keys.includes(h)) return -1;
  keys.push(h);
  return i + 1;
}

/** The hashes of one line's keys, one array for all lines: an array a person was 100,000 for the collector at XL. */
const KEYS: number[] = [];

/**
 * Where the line ends (its line break, or the file's end) when from `from` on it holds the rest of a flow
 * map that no YAML reader could read differently, or -1: `key: value` pairs with plain or double-quoted
 * scalars (no escapes) and flat lists, each key once, no comment. The line's end is found on the way:
 * no search for the line break first (a call per line cost as much as the rest of the index).
 */
function plainRecordEnd(b: Uint8Array, from: number): number {
  const end = b.length;
  const keys = KEYS;
  keys.length = 0;
  let depth = 1;
  let i = readKey(b, from, end, keys);
  while (i > 0 && i < end) {
    const c = b[i]!;
    if (PLAIN[c] === 1) {
      i++;
      continue;
    }
    if (c === 34 /* " */) {
      if (!startsScalar(b, i)) return -1;
      i++;
      while (i < end && b[i] !== 34) if (b[i] === NL || b[i++] === 92) return -1;
      if (i++ >= end) return -1;
    } else if (c === 91 /* [ */) {
      if (depth++ !== 1 || !startsScalar(b, i)) return -1;
      i++;
    } else if (c === 93 /* ] */) {
      if (depth-- !== 2) return -1;
      i++;
    } else if (c === 44 /* , */) i = depth === 1 ? readKey(b, i + 1, end, keys) : i + 1;
    else if (c === 125 /* } */) {
      if (depth !== 1) return -1;
      let j = i + 1;
      while (j < end && b[j] === SP) j++;
      return j === end || b[j] === NL ? j : -1;
    } else if (c === 58 /* : */) {
      if (b[i + 1] === SP || b[i + 1] === 44 || b[i + 1] === 125 || b[i + 1] === 93) return -1; // a second `key: ` in a value
      i++;
    } else if (c === 35 /* # */) {
      if (b[i - 1] === SP) return -1;
      i++;
    } else if (c === NL || c === 9 || c === 13 || c === 92 || c === 123 || startsScalar(b, i)) return -1;
    else i++;
  }
  return -1;
}

/**
 * Record lines by ID, found by a hash of the ID's bytes: no string and no map entry per person (for the
 * 100,000 people of a large org, those cost more than the rest of the index). IDs are ASCII (isIdByte).
 */
export class IdLines {
  readonly #bytes: Uint8Array;
  // Off the heap while the records are added (util/int-list.ts); their arrays once sealed.
  readonly #lists: { from: IntList; length: IntList; hash: IntList; line: IntList };
  #sealed: { from: Int32Array; length: Int32Array; hash: Int32Array; line: Int32Array; table: Int32Array } | undefined;

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
    const room = lineRoom(bytes);
    this.#lists = { from: new IntList(room), length: new IntList(room), hash: new IntList(room), line: new IntList(room) };
  }

  get size(): number {
    return this.#lists.line.length;
  }

  add(hash: number, from: number, length: number, line: number): void {
    this.#lists.hash.push(hash);
    this.#lists.from.push(from);
    this.#lists.length.push(length);
    this.#lists.line.push(line);
  }

  /** Builds the table once every record is added: records of one ID lie on one probe sequence in file order. */
  seal(): void {
    const hash = this.#lists.hash.view();
    let size = 1;
    while (size < hash.length * 2) size <<= 1;
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let r = 0; r < hash.length; r++) {
      let slot = hash[r]! & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = r + 1;
    }
    this.#sealed = { from: this.#lists.from.view(), length: this.#lists.length.view(), hash, line: this.#lists.line.view(), table };
  }

  /** The lines of the records with this ID, in file order; undefined when none (or before `seal`). */
  get(id: string): number[] | undefined {
    const t = this.#sealed;
    if (!t) return undefined;
    const h = textHash(id);
    const mask = t.table.length - 1;
    let out: number[] | undefined;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const r = t.table[slot]! - 1;
      if (r < 0) break;
      if (t.hash[r] === h && t.length[r] === id.length && this.#same(t.from[r]!, id)) (out ??= []).push(t.line[r]!);
    }
    return out;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  #same(from: number, id: string): boolean {
    for (let k = 0; k < id.length; k++) if (this.#bytes[from + k] !== id.charCodeAt(k)) return false;
    return true;
  }
}

/** Adds the record on line `line` to `ids`: the line is `  - { id: <id>, ...`; where the line ends, or -1 for any other shape. */
function addRecord(ids: IdLines, b: Uint8Array, start: number, line: number): number {
  const end = b.length;
  let i = start;
  while (i < end && b[i] === SP && i - start < 8) i++;
  if (b[i] !== 45 || b[i + 1] !== SP || b[i + 2] !== 123) return -1;
  const braceAt = i + 2;
  i += 3;
  if (b[i] === SP) i++;
  if (b[i] !== 105 || b[i + 1] !== 100 || b[i + 2] !== 58 || b[i + 3] !== SP) return -1;
  const from = (i += 4);
  let h = FNV_OFFSET;
  for (let c = b[i]!; i < end && isIdByte(c); c = b[++i]!) h = Math.imul(h ^ c, FNV_PRIME);
  if (i === from || (b[i] !== 44 && b[i] !== 125 && b[i] !== SP)) return -1;
  const eol = plainRecordEnd(b, braceAt + 1);
  if (eol >= 0) ids.add(h, from, i - from, line);
  return eol;
}

const blankOrComment = (b: Uint8Array, start: number, end: number): boolean => {
  let i = start;
  while (i < end && b[i] === SP) i++;
  return i === end || b[i] === 35;
};

const isHeader = (b: Uint8Array, start: number, end: number): boolean =>
  end - start === HEADER.length && Buffer.from(b.buffer, b.byteOffset + start, end - start).toString('latin1') === HEADER;

/** The index of a people.yaml file, or undefined when its shape is not the simple one (then it is read whole). */
export function indexPeople(bytes: Uint8Array): PeopleIndex | undefined {
  const lines = new IdLines(bytes);
  const frame = new Set<number>();
  const starts = new IntList(lineRoom(bytes));
  let list = false;
  for (let start = 0, line = 0; start <= bytes.length; line++) {
    starts.push(start);
    // A record's line: its end is found by reading it.
    let end = list ? addRecord(lines, bytes, start, line) : -1;
    if (end < 0) {
      end = bytes.indexOf(NL, start);
      if (end < 0) end = bytes.length;
      if (blankOrComment(bytes, start, end)) frame.add(line);
      else if (!list && isHeader(bytes, start, end)) {
        list = true;
        frame.add(line);
      } else return undefined;
    }
    start = end + 1;
  }
  starts.push(bytes.length + 1);
  if (!list || lines.size === 0) return undefined;
  lines.seal();
  return { lines, bytes, starts: starts.view(), frame };
}

/** people.yaml with only the records of `keep` (and the header), every other line blank; undefined when none is kept. */
export function sparsePeople(index: PeopleIndex, keep: Iterable<string>): Uint8Array | undefined {
  const kept = new Set(index.frame);
  let any = false;
  for (const id of keep) {
    for (const line of index.lines.get(id) ?? []) {
      kept.add(line);
      any = true;
    }
  }
  if (!any) return undefined;
  const order = [...kept].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let line = 0;
  for (const k of order) {
    if (k > line) parts.push(Buffer.from('\n'.repeat(k - line)));
    parts.push(Buffer.from(index.bytes.buffer, index.bytes.byteOffset + index.starts[k]!, Math.min(index.starts[k + 1]!, index.bytes.length) - index.starts[k]!));
    line = k + 1;
  }
  const rest = index.starts.length - 1 - line;
  if (rest > 0) parts.push(Buffer.from('\n'.repeat(rest - 1)));
  return Buffer.concat(parts);
}

/** What people.ts needs of people.yaml: whether it has the simple shape, whether every ID asked for is in it, and the sparse copy (none when nobody is kept). */
export interface KeptPeople {
  indexed: boolean;
  known: boolean;
  sparse?: Uint8Array;
}

/** people.yaml with the records `wanted` looks up and their managers, when the index knows them all. */
export function keptPeople(index: PeopleIndex | undefined, wanted: readonly string[]): KeptPeople {
  const known = index !== undefined && wanted.every((id) => index.lines.has(id));
  const sparse = known ? sparsePeople(index, withManagers(index, wanted)) : undefined;
  return { indexed: index !== undefined, known, ...(sparse ? { sparse } : {}) };
}

const MANAGER = /[{,] ?manager: ([a-z0-9._-]+)/;

/** The IDs and, transitively, their managers: the records a reference check on them looks up (a miss would build a did-you-mean index). */
export function withManagers(index: PeopleIndex, ids: Iterable<string>): Set<string> {
  const out = new Set<string>();
  const todo = [...ids];
  for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
    if (out.has(id)) continue;
    out.add(id);
    for (const line of index.lines.get(id) ?? []) {
      const text = Buffer.from(index.bytes.buffer, index.bytes.byteOffset + index.starts[line]!, index.starts[line + 1]! - index.starts[line]! - 1).toString('latin1');
      const manager = MANAGER.exec(text)?.[1];
      if (manager !== undefined && !out.has(manager)) todo.push(manager);
    }
  }
  return out;
}
