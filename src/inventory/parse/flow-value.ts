/**
 * A parser for the one-line YAML flow values that inventory records use (`{ person: ada, tier: full }`).
 * It handles only the plain, unambiguous subset and throws `Bail` on anything else, so that the caller
 * falls back to the full `yaml` parser: the result is always what the `yaml` package would produce.
 */
export class Bail extends Error {}

/** Reports where each key and value starts (0-based columns), when positions are wanted. */
export type Tracker = (path: readonly (string | number)[], keyColumn: number, valueColumn: number) => void;

const NULL = /^(?:~|null|Null|NULL)$/;
const BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?$|^[-+]?[0-9]+[eE][-+]?[0-9]+$/;
const ODD_NUMBER = /^(?:0o|0x|[-+]?\.(?:inf|Inf|INF)$|\.(?:nan|NaN|NAN)$)/;
const KEY = /[A-Za-z0-9_][A-Za-z0-9_.-]*/y;

/** YAML 1.2 core-schema resolution of a plain scalar, as the `yaml` package does it. */
export function resolvePlain(text: string): unknown {
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === 't' || text[0] === 'T';
  if (ODD_NUMBER.test(text)) throw new Bail();
  if (INT.test(text)) {
    if (text.replace(/^[-+]/, '').length > 15) throw new Bail();
    return Number(text);
  }
  if (FLOAT.test(text)) return Number(text);
  return text;
}

function skipSpaces(s: string, i: number): number {
  while (s.charCodeAt(i) === 32) i++;
  if (s.charCodeAt(i) === 9) throw new Bail();
  return i;
}

/** Parses the flow value starting at `i`; returns it with the index just past it. */
export function parseFlowValue(s: string, i: number, path: (string | number)[] = [], track?: Tracker): [unknown, number] {
  i = skipSpaces(s, i);
  const c = s[i];
  if (c === '{') return parseMap(s, i + 1, path, track);
  if (c === '[') return parseSeq(s, i + 1, path, track);
  if (c === '"') return parseDouble(s, i + 1);
  if (c === "'") return parseSingle(s, i + 1);
  return parsePlain(s, i);
}

function parseMap(s: string, i: number, path: (string | number)[], track?: Tracker): [unknown, number] {
  const out: Record<string, unknown> = {};
  i = skipSpaces(s, i);
  if (s[i] === '}') return [out, i + 1];
  for (;;) {
    i = skipSpaces(s, i);
    KEY.lastIndex = i;
    const m = KEY.exec(s);
    if (!m) throw new Bail();
    const key = m[0];
    const keyColumn = i;
    i += key.length;
    if (s[i] !== ':' || s[i + 1] !== ' ') throw new Bail();
    if (Object.hasOwn(out, key) || key === '__proto__') throw new Bail();
    const valueStart = skipSpaces(s, i + 1);
    path.push(key);
    track?.(path, keyColumn, valueStart);
    const [value, next] = parseFlowValue(s, valueStart, path, track);
    path.pop();
    out[key] = value;
    i = skipSpaces(s, next);
    if (s[i] === ',') {
      i = skipSpaces(s, i + 1);
      if (s[i] === '}') return [out, i + 1];
      continue;
    }
    if (s[i] === '}') return [out, i + 1];
    throw new Bail();
  }
}

function parseSeq(s: string, i: number, path: (string | number)[], track?: Tracker): [unknown, number] {
  const out: unknown[] = [];
  i = skipSpaces(s, i);
  if (s[i] === ']') return [out, i + 1];
  for (;;) {
    const start = skipSpaces(s, i);
    path.push(out.length);
    track?.(path, start, start);
    const [value, next] = parseFlowValue(s, start, path, track);
    path.pop();
    out.push(value);
    i = skipSpaces(s, next);
    if (s[i] === ',') {
      i = skipSpaces(s, i + 1);
      if (s[i] === ']') return [out, i + 1];
      continue;
    }
    if (s[i] === ']') return [out, i + 1];
    throw new Bail();
  }
}

function parseDouble(s: string, i: number): [unknown, number] {
  const end = s.indexOf('"', i);
  if (end === -1) throw new Bail();
  const body = s.slice(i, end);
  if (body.includes('\\')) throw new Bail();
  return [body, end + 1];
}

function parseSingle(s: string, i: number): [unknown, number] {
  let out = '';
  for (;;) {
    const end = s.indexOf("'", i);
    if (end === -1) throw new Bail();
    out += s.slice(i, end);
    if (s[end + 1] === "'") {
      out += "'";
      i = end + 2;
      continue;
    }
    return [out, end + 1];
  }
}

function parsePlain(s: string, i: number): [unknown, number] {
  const first = s[i];
  if (first === undefined || '&*!|>%@`?:#,]}'.includes(first) || (first === '-' && (s[i + 1] === ' ' || s[i + 1] === undefined))) throw new Bail();
  let j = i;
  for (; j < s.length; j++) {
    const ch = s[j];
    if (ch === ',' || ch === '}' || ch === ']' || ch === '[' || ch === '{') break;
    if (ch === ':' && (s[j + 1] === ' ' || s[j + 1] === ',' || s[j + 1] === '}' || s[j + 1] === ']' || j + 1 === s.length)) throw new Bail();
    if (ch === '#' && s[j - 1] === ' ') throw new Bail();
    if (ch === '\t') throw new Bail();
  }
  if (s[j] === '[' || s[j] === '{') throw new Bail();
  const text = s.slice(i, j).trimEnd();
  return [resolvePlain(text), j];
}
