// A later version of a file reuses the records of the lines it did not change (lac diff reads
// both versions of a changed file): the same bytes read the same, so the record object is shared.

/** The record lines of a scanned file: its bytes, each record line's span and line number, and the records. */
export interface Lines {
  b: Buffer;
  starts: ArrayLike<number>;
  ends: ArrayLike<number>;
  lines: ArrayLike<number>;
  records: unknown[];
}

const scanned = new WeakMap<object, Lines>();
/** How many lines ahead a later version's line is looked for in the earlier one (lines removed there). */
const REUSE_WINDOW = 16;

/** Remembers the record lines of a file read whole by the byte scanner, by its data. */
export function rememberLines(data: object, lines: Lines): void {
  scanned.set(data, lines);
}

/** The record lines remembered for data of an earlier version, if it was scanned. */
export function linesOf(data: object): Lines | undefined {
  return scanned.get(data);
}

/** The earlier version's record whose line has the bytes b[start, end), looked for from line `at` on; and the line after it. */
export function reuseLine(p: Lines, at: number, b: Buffer, start: number, end: number): { record: Record<string, unknown>; next: number } | undefined {
  const last = Math.min(p.records.length, at + REUSE_WINDOW);
  for (let k = at; k < last; k++) {
    if (p.ends[k]! - p.starts[k]! !== end - start || b.compare(p.b, p.starts[k], p.ends[k], start, end) !== 0) continue;
    return { record: p.records[k] as Record<string, unknown>, next: k + 1 };
  }
  return undefined;
}

/** The first bytes compared at once by commonLength; each next block is twice as long. */
const BLOCK = 4096;

/** How many bytes a[aFrom...] and b[bFrom...] have in common from their start (blocks compared by memcmp, then halved). */
function commonLength(a: Buffer, aFrom: number, b: Buffer, bFrom: number): number {
  const max = Math.min(a.length - aFrom, b.length - bFrom);
  const same = (from: number, to: number) => a.compare(b, bFrom + from, bFrom + to, aFrom + from, aFrom + to) === 0;
  let equal = 0;
  for (let block = BLOCK; equal < max; block *= 2) {
    const to = Math.min(max, equal + block);
    if (same(equal, to)) {
      equal = to;
      continue;
    }
    // The first difference lies in [equal, to).
    let differs = to;
    while (differs - equal > 32) {
      const mid = (equal + differs) >>> 1;
      if (same(equal, mid)) equal = mid;
      else differs = mid;
    }
    while (a[aFrom + equal] === b[bFrom + equal]) equal++;
    return equal;
  }
  return max;
}

/**
 * How many of the earlier version's records from `j0` on the later version `b` repeats byte for byte from `at` (the
 * start of a line) on: each with the line break after it, and whatever lies between them (comments, blank lines).
 * The scanner takes them without reading each line (a seat file of 85,000 lines changed in a few: lac diff).
 */
export function reusedRun(p: Lines, j0: number, b: Buffer, at: number): number {
  if (j0 >= p.records.length) return 0;
  const from = p.starts[j0]!;
  const common = commonLength(b, at, p.b, from);
  let j = j0;
  for (; j < p.records.length; j++) {
    const end = p.ends[j]!;
    const eol = p.b[end] === 10 ? end : p.b[end] === 13 && p.b[end + 1] === 10 ? end + 1 : -1;
    if (eol === -1 || eol - from >= common) break;
  }
  return j - j0;
}
