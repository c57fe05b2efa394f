import { parseFlowDocument } from './flow-document.ts';
import { parseFlowLines } from './flow-lines.ts';
import type { Interner } from './intern.ts';
import { scanRecordBytes } from './record-bytes.ts';
import type { SourceMap } from './positions.ts';
import type { ParseProblem } from './problem.ts';
import { parseSpliced } from './spliced.ts';
import { parseYamlDocument } from './yaml-document.ts';

export interface ParsedText {
  data: unknown;
  map: SourceMap;
  problems: ParseProblem[];
  /** 'lines' when the fast line scanner read it (maybe with a few runs of lines left to `yaml`), 'yaml' when the full parser read all of it. */
  parser: 'lines' | 'yaml';
  /** The runs of lines (1-based, inclusive) of a 'lines' file that `yaml` read (parse/spliced.ts). */
  yamlLines?: { from: number; to: number }[];
  /** With `RawFile.accept`, when the byte scanner read the whole file: the indices of the records it was unsure of (with `fresh`, of those only). */
  unsure?: number[];
  /** With `RawFile.previous`, when the byte scanner read the whole file: the indices of the records not reused from it. */
  fresh?: number[];
}

/** The file's bytes as well as its text: the byte scanner is tried first. */
export interface RawFile {
  bytes: Uint8Array;
  /** Shared by the files of one load, so equal IDs are one string. */
  interner?: Interner;
  /** The data of an earlier version of the file, scanned with the same interner: its records of unchanged lines are reused. */
  previous?: object;
  /** Checks each record as the byte scanner makes it (inventory/record-check.ts). */
  accept?: (record: unknown) => boolean;
}

/**
 * Parses a file's text: the line scanner for record lists when the file has the simple shape, else `yaml`.
 * With the raw bytes, the byte scanner goes first (same result, a fraction of the time and memory),
 * and a record list with a few lines of another shape keeps it for the rest (parse/spliced.ts).
 */
export function parseText(source: string | (() => string), recordsKey?: string, raw?: RawFile): ParsedText {
  // The text is made only when a parser other than the byte scanner needs it.
  const whole = () => (typeof source === 'string' ? source : source());
  if (recordsKey) {
    const scanned = raw ? scanRecordBytes(raw.bytes, recordsKey, raw.interner, raw.accept, raw.previous) : null;
    if (scanned) return { data: scanned.data, map: scanned.map, problems: [], parser: 'lines', ...(scanned.unsure ? { unsure: scanned.unsure } : {}), ...(scanned.fresh ? { fresh: scanned.fresh } : {}) };
    const text = whole();
    const fast = parseFlowLines(text, recordsKey);
    if (fast) return { data: fast.data, map: fast.map, problems: [], parser: 'lines' };
    const spliced = raw ? parseSpliced(raw.bytes, recordsKey, raw.interner) : null;
    if (spliced) return { data: spliced.data, map: spliced.map, problems: [], parser: 'lines', yamlLines: spliced.yamlLines };
  } else {
    const doc = parseFlowDocument(whole());
    if (doc) return { data: doc.data, map: doc.map, problems: [], parser: 'lines' };
  }
  return { ...parseYamlDocument(whole()), parser: 'yaml' };
}

export { pathFromPointer, pathText, LineIndex, type SourceMap, type Path, type Pos } from './positions.ts';
export type { ParseProblem } from './problem.ts';
export { Interner } from './intern.ts';
