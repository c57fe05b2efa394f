import { parseFlowLines } from './flow-lines.ts';
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

/** Parses a file's text: the line scanner for record lists when the file has the simple shape, else `yaml`. */
export function parseText(text: string, recordsKey?: string): ParsedText {
  if (recordsKey) {
    const fast = parseFlowLines(text, recordsKey);
    if (fast) return { data: fast.data, map: fast.map, problems: [], parser: 'lines' };
  }
  return { ...parseYamlDocument(text), parser: 'yaml' };
}

export { pathFromPointer, pathText, LineIndex, type SourceMap, type Path, type Pos } from './positions.ts';
export type { ParseProblem } from './problem.ts';
