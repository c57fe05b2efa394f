import { Bail, parseFlowValue, resolvePlain, type Tracker } from './flow-value.ts';
import type { Path, Pos, SourceMap } from './positions.ts';

/** The result of the fast path: data as the `yaml` package would give it, and a lazy source map. */
export interface FlowLinesParse {
  data: Record<string, unknown>;
  map: SourceMap;
}

export const HEADER = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*?))?\s*$/;
export const HEADER_VALUE = /^(?:[A-Za-z0-9_.+\-/@][A-Za-z0-9_.:+\-/@ ]*|"[^"\\]*"|'[^']*')$/;
export const ITEM = /^( *)- +\{/;

/**
 * Parses a file made of top-level `key: value` lines and one list of one-line flow mappings
 * (`recordsKey:` then `  - { ... }` lines), in one pass with no AST. Returns null when any line
 * has another shape; the caller then uses the full parser, which also reports syntax errors.
 * Why: the `yaml` package needs ~36 s and GBs for a million seat lines; this needs well under 1 s.
 */
export function parseFlowLines(text: string, recordsKey: string): FlowLinesParse | null {
  try {
    return scan(text, recordsKey);
  } catch (e) {
    if (e instanceof Bail) return null;
    throw e;
  }
}

function scan(text: string, recordsKey: string): FlowLinesParse | null {
  const head = newHeader(recordsKey);
  const { data, records } = head;
  const recordLines: number[] = [];
  const lineStarts: number[] = [];
  let inList = false;
  let itemIndent = -1;
  let lineNo = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineNo++;
    lineStarts.push(start);
    let line = text.slice(start, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    start = end + 1;
    const first = line.charCodeAt(0);
    if (line.length === 0 || first === 35 /* # */) continue;
    if (first === 32 || first === 45 /* - */) {
      const trimmed = line.trimStart();
      if (trimmed.length === 0 || trimmed[0] === '#') continue;
      const m = ITEM.exec(line);
      if (!m || !inList) return null;
      const indent = m[1]!.length;
      if (itemIndent === -1) itemIndent = indent;
      else if (indent !== itemIndent) return null;
      const [value, next] = parseFlowValue(line, m[0].length - 1);
      const rest = line.slice(next);
      if (rest.trim() !== '' && !/^ +#/.test(rest)) return null;
      records.push(value);
      recordLines.push(lineNo);
      continue;
    }
    const h = readHeader(line, lineNo, head);
    if (h === false) return null;
    inList = h === 'list';
  }
  if (!finishHeader(head)) return null;
  const recordText = (index: number) => {
    const line = recordLines[index]!;
    return text.slice(lineStarts[line - 1], (lineStarts[line] ?? text.length + 1) - 1).replace(/\r$/, '');
  };
  return { data, map: flowLinesMap(recordText, recordsKey, head.positions, recordLines) };
}

/** Top-level keys read so far, with where each stands. */
export interface Header {
  recordsKey: string;
  data: Record<string, unknown>;
  records: unknown[];
  positions: Map<string, HeaderPos>;
}

export interface HeaderPos {
  line: number;
  keyColumn: number;
  valueColumn: number;
}

export const newHeader = (recordsKey: string): Header => ({ recordsKey, data: {}, records: [], positions: new Map() });

/**
 * Reads one top-level `key: value` line (or `recordsKey:` opening the list). Returns 'list' when
 * the record list starts, true for another key, false when the file needs the full parser.
 */
export function readHeader(line: string, lineNo: number, head: Header): 'list' | boolean {
  const { data, recordsKey } = head;
  if (line.startsWith('---') || line.startsWith('...') || line.startsWith('%') || line.includes('\t')) return false;
  const h = HEADER.exec(line);
  if (!h) return false;
  const key = h[1]!;
  if (Object.hasOwn(data, key) || key === '__proto__') return false;
  let raw = h[2] ?? '';
  const hash = raw.search(/ #/);
  if (hash !== -1) raw = raw.slice(0, hash).trimEnd();
  if (raw.startsWith('#')) raw = '';
  const valueColumn = line.indexOf(':') + 2;
  head.positions.set(key, { line: lineNo, keyColumn: 0, valueColumn: raw ? line.indexOf(raw, valueColumn - 1) : valueColumn });
  if (key === recordsKey) {
    if (raw === '[]') {
      data[key] = [];
      return true;
    }
    if (raw !== '') return false;
    data[key] = head.records;
    return 'list';
  }
  if (raw === '' || !HEADER_VALUE.test(raw) || raw.includes(': ') || raw.endsWith(':')) return false;
  data[key] = raw[0] === '"' ? raw.slice(1, -1) : raw[0] === "'" ? raw.slice(1, -1).replace(/''/g, "'") : resolvePlain(raw);
  return true;
}

/** False when the records key never came; an empty list key reads as null, as in YAML. */
export function finishHeader(head: Header): boolean {
  const { data, recordsKey, records } = head;
  if (!Object.hasOwn(data, recordsKey)) return false;
  if (data[recordsKey] === records && records.length === 0) data[recordsKey] = null;
  return true;
}

/** A lazy source map over a record list: `recordText(i)` gives the line of record i (no line break). */
export function flowLinesMap(recordText: (index: number) => string, recordsKey: string, headerPos: Map<string, HeaderPos>, recordLines: ArrayLike<number>): SourceMap {
  return {
    locate(path: Path, target: 'value' | 'key' = 'value'): Pos {
      const head = headerPos.get(String(path[0]));
      if (!head) return { line: 1, column: 1 };
      if (path.length === 1 || path[0] !== recordsKey) {
        return { line: head.line, column: (target === 'key' ? head.keyColumn : head.valueColumn) + 1 };
      }
      const index = path[1];
      const line = typeof index === 'number' ? recordLines[index] : undefined;
      if (line === undefined) return { line: head.line, column: 1 };
      const lineText = recordText(index as number);
      const braceColumn = lineText.indexOf('{');
      const want = path.slice(2).join('\u0000');
      let found: Pos = { line, column: braceColumn + 1 };
      if (want === '') return found;
      const tracker: Tracker = (p, keyColumn, valueColumn) => {
        if (p.join('\u0000') === want) found = { line, column: (target === 'key' ? keyColumn : valueColumn) + 1 };
      };
      parseFlowValue(lineText, braceColumn, [], tracker);
      return found;
    },
  };
}
