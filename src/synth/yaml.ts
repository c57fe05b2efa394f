// A tiny YAML writer for generated records: block keys at the top, one-line flow mappings for
// list items and nested values, the shape the loader's line scanner reads fastest.

type Value = string | number | boolean | null | undefined | readonly Value[] | { readonly [key: string]: Value };

// Plain scalars that read back as the same string: no indicators, no ": " or " #", not a number, bool or null.
const SAFE = /^[\p{L}0-9_][\p{L}\p{M}0-9 ._@'/+-]*$/u;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NOT_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9][0-9_.eE+-]*|\.[0-9].*|\.inf|\.nan)$/i;

/** A scalar as YAML: plain when that reads back unchanged, else double-quoted. */
export function scalar(v: string | number | boolean | null): string {
  if (v === null) return 'null';
  if (typeof v !== 'string') return String(v);
  // Dates stay plain: the loader's YAML 1.2 core schema keeps them as strings.
  if (DATE.test(v) || (SAFE.test(v) && !NOT_STRING.test(v) && !v.endsWith(' '))) return v;
  return JSON.stringify(v);
}

/** A value on one line: `{ a: 1, b: [x, y] }`. */
export function flow(v: Value): string {
  if (Array.isArray(v)) return `[${v.map(flow).join(', ')}]`;
  if (v !== null && typeof v === 'object') {
    const parts = Object.entries(v as Record<string, Value>)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => `${k}: ${flow(x)}`);
    return parts.length ? `{ ${parts.join(', ')} }` : '{}';
  }
  return scalar(v as string | number | boolean | null);
}

/** A top-level mapping: scalars and flow values on their key's line; lists of mappings one item per line. */
export function document(record: Record<string, Value>, header?: string): string {
  let out = header ? `${header}\n` : '';
  for (const [key, v] of Object.entries(record)) {
    if (v === undefined) continue;
    if (Array.isArray(v) && v.length > 0 && v.every((x) => x !== null && typeof x === 'object' && !Array.isArray(x))) {
      out += `${key}:\n`;
      for (const item of v) out += `  - ${flow(item)}\n`;
    } else out += `${key}: ${flow(v)}\n`;
  }
  return out;
}
