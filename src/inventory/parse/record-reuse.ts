// A later version of a file reuses the records of the lines it did not change (lac diff reads
// both versions of a changed file): the same bytes read the same, so the record object is shared.

/** The record lines of a scanned file: its bytes, each record line's span, and the records. */
export interface Lines {
  b: Buffer;
  starts: ArrayLike<number>;
  ends: ArrayLike<number>;
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
