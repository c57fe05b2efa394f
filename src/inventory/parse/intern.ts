/**
 * Turns short ASCII byte ranges into strings, once per distinct text, shared by the files of
 * one load: the keys of a million records are a handful of strings, and a seat's person ID is
 * the very string that keys the people map (lookups compare pointers, the hash is computed
 * once). Only keys and ID-like values go through it: names and emails are mostly distinct, and
 * the table's cache misses would cost more than fresh copies.
 */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** FNV-1a of a string's UTF-16 code units: for ASCII text, the hash `slot` computes from its bytes. */
export function textHash(s: string): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), FNV_PRIME);
  return h;
}

export class Interner {
  #strings: (string | undefined)[];
  /**
   * Per slot, its text's hash and, when counting, the last tag `seenWith` was asked with there: side by side, so
   * that the mark is in the cache line the hash was just read from (a separate array cost a cache miss a seat).
   */
  #cells: Int32Array;
  /** Cells per slot: 2 when counting, else 1. */
  readonly #stride: number;
  #tags = 0;
  #mask: number;
  #size = 0;
  /** How many times the table has grown (and every slot moved). */
  grows = 0;

  /** Whether the byte scanner counts, per list it reads with this interner, the person IDs held twice (`seenWith`). */
  readonly counting: boolean;

  /** `counting`: for lac diff, which asks who holds two seats of the lists it reads (record-twice.ts); a load that does not ask pays nothing. */
  constructor(capacity = 1 << 12, counting = false) {
    this.#strings = new Array<string | undefined>(capacity).fill(undefined);
    this.#stride = counting ? 2 : 1;
    this.#cells = new Int32Array(capacity * this.#stride);
    this.#mask = capacity - 1;
    this.counting = counting;
  }

  /** The slot of bytes[start, end), which must be ASCII; added when new. */
  slot(bytes: Uint8Array, start: number, end: number, decode: (start: number, end: number) => string): number {
    let h = FNV_OFFSET;
    for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, FNV_PRIME);
    return this.slotHashed(h, bytes, start, end, decode);
  }

  /** `slot` with the FNV-1a hash of the bytes already computed by the caller's own scan. */
  slotHashed(h: number, bytes: Uint8Array, start: number, end: number, decode: (start: number, end: number) => string): number {
    const len = end - start;
    let slot = h & this.#mask;
    for (;;) {
      const s = this.#strings[slot];
      if (s === undefined) break;
      if (this.#cells[slot * this.#stride] === h && s.length === len && same(s, bytes, start)) return slot;
      slot = (slot + 1) & this.#mask;
    }
    this.#strings[slot] = decode(start, end);
    this.#cells[slot * this.#stride] = h;
    if (++this.#size * 2 > this.#mask) return this.#grow(slot);
    return slot;
  }

  /** The slot of an interned string; -1 when it is not (ASCII text only, as `slot` takes). */
  find(text: string): number {
    const h = textHash(text);
    for (let slot = h & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const s = this.#strings[slot];
      if (s === undefined) return -1;
      if (s === text) return slot;
    }
  }

  /** A tag no one has used yet, for `seenWith`: one per list whose values are counted (a counting interner only). */
  newTag(): number {
    return ++this.#tags;
  }

  /** Whether the text in `slot` was seen with `tag` before; it now has been. (Which IDs a list holds twice, as it is read.) */
  seenWith(slot: number, tag: number): boolean {
    const at = slot * 2 + 1;
    if (this.#cells[at] === tag) return true;
    this.#cells[at] = tag;
    return false;
  }

  /** How many distinct texts it holds. */
  get size(): number {
    return this.#size;
  }

  string(slot: number): string {
    return this.#strings[slot]!;
  }

  /**
   * Makes the table four times larger; returns the new slot of the entry that was in `keep`. (Fourfold:
   * the 100,000 person IDs of a large org are moved three times on the way, not six.)
   */
  #grow(keep: number): number {
    const strings = this.#strings;
    const cells = this.#cells;
    const stride = this.#stride;
    const capacity = strings.length * 4;
    this.grows++;
    this.#strings = new Array<string | undefined>(capacity).fill(undefined);
    this.#cells = new Int32Array(capacity * stride);
    this.#mask = capacity - 1;
    let kept = -1;
    for (let i = 0; i < strings.length; i++) {
      const s = strings[i];
      if (s === undefined) continue;
      const h = cells[i * stride]!;
      let slot = h & this.#mask;
      while (this.#strings[slot] !== undefined) slot = (slot + 1) & this.#mask;
      this.#strings[slot] = s;
      this.#cells[slot * stride] = h;
      if (stride === 2) this.#cells[slot * 2 + 1] = cells[i * 2 + 1]!;
      if (i === keep) kept = slot;
    }
    return kept;
  }
}

function same(s: string, bytes: Uint8Array, start: number): boolean {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) !== bytes[start + k]) return false;
  return true;
}
