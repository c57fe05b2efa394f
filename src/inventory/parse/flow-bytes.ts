// The flow values of one record line, read from the file's bytes (record-bytes.ts reads the lines): mappings,
// sequences, double-quoted and plain scalars, and the usual seat line's shortcut. Every string is a flat copy,
// keys and ID-like values come from an interner, and most scalars are typed by their first byte; anything
// outside this subset throws Bail, and the caller falls back to the text scanner.
import { Bail, resolvePlain } from './flow-value.ts';
import { FNV_OFFSET, FNV_PRIME, type Interner } from './intern.ts';
import { ID_BYTE, isWord, maybeNotString, NO_PLAIN_START, PLAIN, TEXT_BYTE, WIDE_BYTE } from './plain-bytes.ts';

/** Node's Buffer slicers: a new flat string per call (never a slice that pins the file's text). */
export interface Slicer extends Uint8Array {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}

export const SP = 32;
export const HASH = 35;
export const DASH = 45;
const COLON = 58;
const COMMA = 44;
const DQUOTE = 34;
const SQUOTE = 39;
const BACKSLASH = 92;
export const LBRACE = 123;
const RBRACE = 125;
const LBRACKET = 91;
const RBRACKET = 93;
const PERSON = Buffer.from(' person: ');
const TIER = Buffer.from(', tier: ');
const SINCE = Buffer.from(', since: ');
/** Longest key read here (IDs of the schema are far shorter). */
const MAX_KEY = 64;

export class FlowBytes {
  readonly b: Slicer;
  readonly interner: Interner;
  readonly latin1: (start: number, end: number) => string;
  /** The end of the line being read: no value reads past it. */
  end = 0;
  /** Where the line `seat` read ends (after its `}`). */
  seatEnd = 0;
  /** The interner's slot of the value `plain` read last when it is that interned string; else -1. */
  slot = -1;
  /** `slot` of the person ID of the line `seat` or `map` read last (-1: none, or not an interned string). */
  personSlot = -1;
  /** The interner's `grows` when `personSlot` was taken: a slot moves when the table grows. */
  personGrows = 0;

  constructor(bytes: Uint8Array, interner: Interner) {
    this.b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as Slicer;
    this.interner = interner;
    this.latin1 = (s, e) => this.b.latin1Slice(s, e);
  }

  /** Notes that the value `plain` read last is a record's person ID (`personSlot`, `personGrows`). */
  tookPerson(): void {
    this.personSlot = this.slot;
    this.personGrows = this.interner.grows;
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
    this.tookPerson();
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
      this.slot = -1;
      i = this.value(this.spaces(i + 1), out, key);
      if (key === 'person') this.tookPerson();
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
      this.slot = -1;
      // Non-ASCII text: exactly what flow-value.ts does with the decoded line.
      set[key] = resolvePlain(b.utf8Slice(i, j).trimEnd());
      return j;
    }
    const stop = spaces === -1 ? j : spaces;
    if (slug && stop > i && stop - i <= MAX_KEY) {
      // An ID, a tier, a date: interned, so that a seat's person ID is the very string that keys
      // the people map (rules look a million of them up) and a date is stored once, also when it is
      // a record's last value (a string a seat, before: 32 bytes each, a million in a large org).
      const slot = this.interner.slotHashed(hash, b, i, stop, this.latin1);
      const text = this.interner.string(slot);
      const typed = maybeNotString(b, i, stop);
      set[key] = typed ? resolvePlain(text) : text;
      this.slot = typed ? -1 : slot;
      return j;
    }
    this.slot = -1;
    let k = j;
    while (k > i && b[k - 1] === SP) k--;
    set[key] = maybeNotString(b, i, k) ? resolvePlain(b.latin1Slice(i, k)) : b.latin1Slice(i, k);
    return j;
  }
}
