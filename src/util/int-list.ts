// A growing list of 32-bit integers kept outside the JavaScript heap: the line numbers and byte
// offsets of a million records are a few buffers that the garbage collector never copies, where
// arrays of numbers would be copied at every collection of the young generation they survive.

export class IntList {
  #items: Int32Array;
  #length = 0;

  /**
   * `capacity`: how many integers to make room for at once (`lineRoom`). Each doubling copies the list into
   * fresh memory; on hosts where a fresh page is dear, that was most of a large file's lists' cost.
   */
  constructor(capacity = 256) {
    this.#items = new Int32Array(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.#length === this.#items.length) this.#grow(this.#length + 1);
    this.#items[this.#length++] = value;
  }

  /** Pushes `from[start...end)`, each plus `add`. */
  pushShifted(from: ArrayLike<number>, start: number, end: number, add: number): void {
    if (this.#length + end - start > this.#items.length) this.#grow(this.#length + end - start);
    const items = this.#items;
    let at = this.#length;
    for (let i = start; i < end; i++) items[at++] = from[i]! + add;
    this.#length = at;
  }

  #grow(least: number): void {
    let size = this.#items.length * 2;
    while (size < least) size *= 2;
    const grown = new Int32Array(size);
    grown.set(this.#items);
    this.#items = grown;
  }

  get length(): number {
    return this.#length;
  }

  /** The integers pushed so far (a view of the list's buffer: later pushes may or may not show in it). */
  view(): Int32Array {
    return this.#items.subarray(0, this.#length);
  }
}

/** How many bytes `lineRoom` reads to guess a file's line length. */
const SAMPLE = 64 * 1024;

/**
 * Room for one integer a line of `bytes`, guessed from the lines of its first 64 KB with a fifth more:
 * lac's large files (seats, people, usage) have lines of one length, so a list sized by it rarely grows,
 * and holds not many times the room it needs (its buffer lives as long as the parsed file).
 */
export function lineRoom(bytes: Uint8Array): number {
  const head = bytes.subarray(0, SAMPLE);
  let lines = 1;
  for (let at = head.indexOf(10); at !== -1; at = head.indexOf(10, at + 1)) lines++;
  return Math.ceil(((lines * bytes.length) / Math.max(head.length, 1)) * 1.2) + 16;
}
