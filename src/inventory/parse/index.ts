import { parseFlowDocument } from './flow-document.ts';
import { parseFlowLines } from './flow-lines.ts';
import type { Interner } from './intern.ts';
import { scanRecordBytes } from './record-bytes.ts';
import type { SourceMap } from './positions.ts';
import type { ParseProblem } from './problem.ts';
import { parseYamlDocument } from './yaml-document.ts';

export interface ParsedText {
  data: unknown;
  map: SourceMap;
  problems: ParseProblem[];
  /** 'lines' when the fast line scanner read it, 'yaml' when the full parser did. */
  parser: 'lines' | 'yaml';
}

/** The file's bytes as well as its text: the byte scanner is tried first. */
export interface RawFile {
  bytes: Uint8Array;
  /** Shared by the files of one load, so equal IDs are one string. */
  interner?: Interner;
  /** The data of an earlier version of the file, scanned with the same interner: its records of unchanged lines are reused. */
  previous?: object;
}

/**
 * Parses a file's text: the line scanner for record lists when the file has the simple shape, else `yaml`.
 * With the raw bytes, the byte scanner goes first (same result, a fraction of the time and memory).
 */
export function parseText(text: string, recordsKey?: string, raw?: RawFile): ParsedText {
  if (recordsKey) {
    const fast = (raw ? scanRecordBytes(raw.bytes, recordsKey, raw.interner, raw.previous) : null) ?? parseFlowLines(text, recordsKey);
    if (fast) return { data: fast.data, map: fast.map, problems: [], parser: 'lines' };
  } else {
    const doc = parseFlowDocument(text);
    if (doc) return { data: doc.data, map: doc.map, problems: [], parser: 'lines' };
  }
  return { ...parseYamlDocument(text), parser: 'yaml' };
}

export { pathFromPointer, pathText, LineIndex, type SourceMap, type Path, type Pos } from './positions.ts';
export type { ParseProblem } from './problem.ts';
export { Interner } from './intern.ts';
