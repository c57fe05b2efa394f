/** A path into a parsed document: keys and sequence indexes. */
export type Path = readonly (string | number)[];

/** A 1-based line and column. */
export interface Pos {
  line: number;
  column: number;
}

/** Finds where a value (or its key) stands in the source text. Lazy: only findings pay for it. */
export interface SourceMap {
  locate(path: Path, target?: 'value' | 'key'): Pos;
}

/** Offsets of line starts, to turn a character offset into a line and column. */
export class LineIndex {
  readonly starts: number[];
  constructor(text: string) {
    const starts = [0];
    let i = text.indexOf('\n');
    while (i !== -1) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    this.starts = starts;
  }

  pos(offset: number): Pos {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }
}

/** `seats[3].tier` for humans, from a path. */
export function pathText(path: Path): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out || '(top level)';
}

/** A path from an ajv instancePath such as `/seats/3/tier`. */
export function pathFromPointer(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}
