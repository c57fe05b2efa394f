// Small helpers of the demo builder: a seeded hash for "random" choices that never change between
// runs, weekday arithmetic, and the one-line-per-record list files of the inventory.
import { parse } from 'yaml';
import { addDays, dayNumber, type IsoDate } from '../util/dates.ts';

/** A number in [0, 1) from a string: FNV-1a, then a final mix. The same key always gives the same number. */
export function unit(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return (h >>> 0) / 0x100000000;
}

/** An integer in [lo, hi] from a key. */
export const pick = (key: string, lo: number, hi: number): number => lo + Math.floor(unit(key) * (hi - lo + 1));

/** 0 = Sunday ... 6 = Saturday. */
export const weekday = (d: IsoDate): number => (((dayNumber(d) + 4) % 7) + 7) % 7;

/** The first day on or after `d` that is the given weekday. */
export const onOrAfter = (d: IsoDate, day: number): IsoDate => addDays(d, (day - weekday(d) + 7) % 7);

/** A working day on or after `d` (Saturday and Sunday move to Monday). */
export const workday = (d: IsoDate): IsoDate => (weekday(d) === 6 ? addDays(d, 2) : weekday(d) === 0 ? addDays(d, 1) : d);

/** One record line of a list file: `  - { ... }` with an optional trailing comment. */
export interface Line {
  /** Stable key within the file: the holder (person, device or id) and its occurrence. */
  key: string;
  text: string;
  data: Record<string, unknown>;
}

/** A list file (people.yaml, assignments/*.yaml): the lines before the records, then one record per line. */
export interface ListFile {
  header: string[];
  lines: Line[];
}

const ITEM = /^ {2}- \{.*\}(\s+#.*)?$/;

export function lineData(text: string): Record<string, unknown> {
  return parse(text.trim().slice(2)) as Record<string, unknown>;
}

export const holderOf = (data: Record<string, unknown>): string => String(data.person ?? data.device ?? data.id);

export function parseList(text: string): ListFile {
  const all = text.replace(/\n$/, '').split('\n');
  const first = all.findIndex((l) => ITEM.test(l));
  if (first < 0) return { header: all, lines: [] };
  const rest = all.slice(first);
  if (!rest.every((l) => ITEM.test(l))) throw new Error('demo: a list file must end with one record per line');
  const seen = new Map<string, number>();
  const lines = rest.map((t) => {
    const data = lineData(t);
    const holder = holderOf(data);
    const n = (seen.get(holder) ?? 0) + 1;
    seen.set(holder, n);
    return { key: n === 1 ? holder : `${holder}#${n}`, text: t, data };
  });
  return { header: all.slice(0, first), lines };
}

/** Formats a value for a flow mapping the way the example files do. */
function flow(v: unknown): string {
  const s = String(v);
  return /^[A-Za-z0-9_.@\/+-][A-Za-z0-9_.@\/+ -]*$/.test(s) && !/ $/.test(s) ? s : JSON.stringify(s);
}

/** A seat line in the example's field order. */
export function seatLine(fields: { person: string; tier: string; since: IsoDate; note?: string }): string {
  const parts = [`person: ${fields.person}`, `tier: ${flow(fields.tier)}`, `since: ${fields.since}`];
  if (fields.note) parts.push(`note: ${JSON.stringify(fields.note)}`);
  return `  - { ${parts.join(', ')} }`;
}

/** Drops one `key: value` pair from a one-line flow mapping (values without commas or braces). */
export function dropField(line: string, key: string): string {
  return line.replace(new RegExp(`, ${key}: (?:"(?:[^"\\\\]|\\\\.)*"|[^,}]*?)(?=\\s*[,}])`), '');
}

/** Sets `key: value` in a one-line flow mapping; the pair must exist. */
export function setField(line: string, key: string, value: string): string {
  return line.replace(new RegExp(`(\\b${key}: )(?:"(?:[^"\\\\]|\\\\.)*"|[^,}]*?)(?=\\s*[,}])`), `$1${value}`);
}

/** Removes a trailing `# comment` after the closing brace of a record line. */
export const dropComment = (line: string): string => line.replace(/\}\s+#.*$/, '}');

/** The value that occurs most often (ties: the first in sort order). */
export function commonest(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
}

/** Adds a record line that the example no longer has: among the lines of its tier, in holder order. */
export function insertLine(list: ListFile & { order: string[]; initial: Map<string, string> }, key: string, tier: string, line: string): void {
  if (list.order.includes(key)) throw new Error(`demo: ${key} is in the list already`);
  const tierOf = (k: string) => {
    const t = list.initial.get(k) ?? list.lines.find((l) => l.key === k)?.text ?? '';
    return /tier: ([^,}]+)/.exec(t)?.[1]?.trim();
  };
  let index = -1;
  for (let i = 0; i < list.order.length; i++) if (tierOf(list.order[i]!) === tier && list.order[i]! < key) index = i;
  if (index < 0) {
    const first = list.order.findIndex((k) => tierOf(k) === tier);
    index = first < 0 ? list.order.length - 1 : first - 1;
  }
  list.order.splice(index + 1, 0, key);
  list.initial.set(key, line);
}

/** A top-level scalar of a YAML record's text, unquoted. */
export function field(text: string, key: string): string | undefined {
  const m = new RegExp(`^${key}: (.*)$`, 'm').exec(text);
  return m ? m[1]!.replace(/^"(.*)"$/, '$1').trim() : undefined;
}
