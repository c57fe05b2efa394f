import { Bail, parseFlowValue, resolvePlain } from './flow-value.ts';
import { HEADER, HEADER_VALUE, ITEM, type FlowLinesParse } from './flow-lines.ts';
import type { Path, Pos, SourceMap } from './positions.ts';

// Block-context plain scalars may also hold commas, parentheses and apostrophes ("Figma, Inc.").
const BLOCK_PLAIN = /^[A-Za-z0-9_.+\-/@(][A-Za-z0-9_.:+\-/@ ,()'&!%]*$/;

/** Where a top-level key stands, and what its value is. */
interface Top {
  line: number;
  /** Line text (no line break). */
  text: string;
  /** 0-based column where the value starts (for a list: the first item's `-`). */
  valueColumn: number;
  kind: 'scalar' | 'flow' | 'list';
  /** List items: line and line text. */
  items: { line: number; text: string }[];
}

/**
 * Parses a small record file (org, vendor, license, contract) written in the inventory's usual
 * shape: top-level `key: scalar`, `key: { flow }` or `key: [flow]`, and `key:` followed by a list of
 * one-line flow mappings. Gives the data and the source positions that the `yaml` package
 * would give, or null for anything else (the caller then uses `yaml`, which also reports errors).
 * Why: `yaml` spends ~0.25 ms per such file; an org with 1,000 licenses has ~3,000 of them.
 */
export function parseFlowDocument(text: string): FlowLinesParse | null {
  try {
    return scan(text);
  } catch (e) {
    if (e instanceof Bail) return null;
    throw e;
  }
}

/** `positions`: where each key and item stands, for the source map (made only when the map is first asked, lazyMap). */
function scan(text: string, positions = false): FlowLinesParse | null {
  const data: Record<string, unknown> = {};
  const tops = new Map<string, Top>();
  let firstLine = 0;
  let list: { top: Top | undefined; records: unknown[]; indent: number } | undefined;
  let lineNo = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineNo++;
    let line = text.slice(start, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    start = end + 1;
    if (line.includes('\t')) return null;
    const first = line.charCodeAt(0);
    if (line.length === 0 || first === 35 /* # */) continue;
    if (first === 32 || first === 45 /* - */) {
      const trimmed = line.trimStart();
      if (trimmed.length === 0 || trimmed[0] === '#') continue;
      const m = ITEM.exec(line);
      if (!m || !list) return null;
      const indent = m[1]!.length;
      if (list.records.length === 0) {
        list.indent = indent;
        if (list.top) list.top.valueColumn = indent;
      } else if (indent !== list.indent) return null;
      const [value, next] = parseFlowValue(line, m[0].length - 1);
      const rest = line.slice(next);
      if (rest.trim() !== '' && !/^ +#/.test(rest)) return null;
      list.records.push(value);
      list.top?.items.push({ line: lineNo, text: line });
      continue;
    }
    if (list && list.records.length === 0) return null;
    list = undefined;
    if (line.startsWith('---') || line.startsWith('...') || line.startsWith('%')) return null;
    const h = HEADER.exec(line);
    if (!h) return null;
    const key = h[1]!;
    if (Object.hasOwn(data, key) || key === '__proto__') return null;
    if (firstLine === 0) firstLine = lineNo;
    const raw = h[2] ?? '';
    let valueStart = line.indexOf(':') + 1;
    while (line.charCodeAt(valueStart) === 32) valueStart++;
    const top: Top | undefined = positions ? { line: lineNo, text: line, valueColumn: valueStart, kind: 'scalar', items: [] } : undefined;
    if (top) tops.set(key, top);
    if (raw === '' || raw.startsWith('#')) {
      const records: unknown[] = [];
      data[key] = records;
      if (top) top.kind = 'list';
      list = { top, records, indent: -1 };
      continue;
    }
    if (raw[0] === '{' || raw[0] === '[') {
      const [value, next] = parseFlowValue(line, valueStart);
      const rest = line.slice(next);
      if (rest.trim() !== '' && !/^ +#/.test(rest)) return null;
      data[key] = value;
      if (top) top.kind = 'flow';
      continue;
    }
    let scalar = raw;
    const hash = scalar.search(/ #/);
    if (hash !== -1) scalar = scalar.slice(0, hash).trimEnd();
    if (!(HEADER_VALUE.test(scalar) || BLOCK_PLAIN.test(scalar)) || scalar.includes(': ') || scalar.endsWith(':') || scalar === '-' || scalar.startsWith('- ')) return null;
    data[key] = scalar[0] === '"' ? scalar.slice(1, -1) : scalar[0] === "'" ? scalar.slice(1, -1) : resolvePlain(scalar);
  }
  if (list && list.records.length === 0) return null;
  if (firstLine === 0) return null;
  return { data, map: positions ? documentMap(tops, firstLine) : lazyMap(text) };
}

/**
 * The source map of a file `scan` read, made by reading it again when a position is first asked for: only a file
 * with a finding is ever asked, and the positions of the others were most of what the small files kept (an org of
 * 1,000 licenses has ~3,000 of them, each key's line and its text held to the end of a check or a diff).
 */
function lazyMap(text: string): SourceMap {
  let map: SourceMap | undefined;
  return { locate: (path, target) => (map ??= scan(text, true)!.map).locate(path, target) };
}

/** Positions as the `yaml` package's AST gives them: the deepest node found along the path. */
function documentMap(tops: Map<string, Top>, firstLine: number): SourceMap {
  const root: Pos = { line: firstLine, column: 1 };
  return {
    locate(path: Path, target: 'value' | 'key' = 'value'): Pos {
      if (path.length === 0) return root;
      const top = tops.get(String(path[0]));
      if (!top) return root;
      if (path.length === 1 && target === 'key') return { line: top.line, column: 1 };
      if (top.kind === 'scalar') return { line: top.line, column: top.valueColumn + 1 };
      if (top.kind === 'flow') return walk(top.text, top.line, top.valueColumn, path.slice(1), target);
      const listPos = { line: top.items[0]!.line, column: top.valueColumn + 1 };
      const seg = path[1];
      const item = typeof seg === 'number' ? top.items[seg] : undefined;
      if (path.length === 1 || !item) return listPos;
      return walk(item.text, item.line, item.text.indexOf('{'), path.slice(2), target);
    },
  };
}

/** Follows `rest` into the flow value starting at `column` of a line. */
function walk(text: string, line: number, column: number, rest: Path, target: 'value' | 'key'): Pos {
  const found = new Map<string, { keyColumn: number; valueColumn: number; item: boolean }>();
  parseFlowValue(text, column, [], (p, keyColumn, valueColumn) => {
    found.set(p.map(String).join('\u0000'), { keyColumn, valueColumn, item: typeof p[p.length - 1] === 'number' });
  });
  let pos = column;
  for (let i = 0; i < rest.length; i++) {
    const seg = rest[i]!;
    const hit = found.get(rest.slice(0, i + 1).map(String).join('\u0000'));
    // A sequence is indexed by numbers only; a mapping matches keys by their text.
    if (!hit || (hit.item && typeof seg !== 'number')) break;
    if (i === rest.length - 1 && target === 'key' && !hit.item) return { line, column: hit.keyColumn + 1 };
    pos = hit.valueColumn;
  }
  return { line, column: pos + 1 };
}
