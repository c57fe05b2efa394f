import { guessKind } from '../inventory/layout.ts';
import { decodeFile, MAX_FILE_BYTES } from '../inventory/parse/decode.ts';
import { HEADER, ITEM, parseFlowLines } from '../inventory/parse/flow-lines.ts';
import { Bail, parseFlowValue } from '../inventory/parse/flow-value.ts';
import { scanRecordBytes } from '../inventory/parse/record-bytes.ts';
import { KIND_INFO } from '../inventory/schema/index.ts';
import type { FilePatch } from './patch.ts';
import { recordsOf, type Rec } from './records.ts';

/** The kinds whose files are long lists of one-line records, followed patch by patch. */
export type ListKind = 'people' | 'assignments';
export const isListKind = (kind: string): kind is ListKind => kind === 'people' || kind === 'assignments';

const SKIP = Symbol('blank or comment');
const HEAD = Symbol('top-level key');

/**
 * One version of a people or assignments file in the line scanner's shape (top-level keys, then
 * one flow mapping per line), line by line: a patch that only replaces record lines gives the next
 * version, and the records it touched, without reading or parsing the whole file again.
 */
export interface ListFile {
  kind: ListKind;
  path: string;
  oid: string;
  lines: string[];
  /** Per line: the record's value, or SKIP / HEAD. */
  values: unknown[];
  /** Index of the records key's line (the last top-level key). */
  listAt: number;
  indent: number;
  items: number;
  bytes: number;
  /** The top-level keys (the seats' license). */
  header: Record<string, unknown>;
  /** How many records of this version have each key. */
  counts: Map<string, number>;
}

/** A record a patch removed or added, with its key. */
export interface Touched {
  key: string;
  rec: Rec;
}

const classify = (line: string): typeof SKIP | typeof HEAD | 'item' => {
  const first = line.charCodeAt(0);
  if (line.length === 0 || first === 35) return SKIP;
  if (first !== 32 && first !== 45) return HEAD;
  const trimmed = line.trimStart();
  return trimmed.length === 0 || trimmed[0] === '#' ? SKIP : 'item';
};
const strip = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);

/** One record line as flow-lines.ts reads it, or undefined when it would not read it. */
function parseItem(line: string, indent: number): unknown {
  const m = ITEM.exec(line);
  if (!m || m[1]!.length !== indent) return NOT;
  try {
    const [value, next] = parseFlowValue(line, m[0].length - 1);
    const rest = line.slice(next);
    return rest.trim() !== '' && !/^ +#/.test(rest) ? NOT : value;
  } catch (e) {
    if (e instanceof Bail) return NOT;
    throw e;
  }
}
const NOT = Symbol('not a record line');

/** The record of one list item, keyed as records.ts keys it (no numbering: keys are unique where this is used). */
function recOf(f: Pick<ListFile, 'kind' | 'path' | 'header'>, value: unknown): Touched | undefined {
  const key = f.kind === 'people' ? 'people' : 'seats';
  const rec = recordsOf(f.kind, f.path, { ...f.header, [key]: [value] })[0];
  return rec && { key: `${rec.entity}:${rec.key}`, rec };
}

/** A version of a list file that parsed (the caller knows it did), when the line scanner reads it; else undefined. */
export function listFile(kind: ListKind, path: string, oid: string, bytes: Uint8Array): ListFile | undefined {
  const decoded = decodeFile(bytes);
  const recordsKey = KIND_INFO[kind].recordsKey!;
  if (!decoded.ok) return undefined;
  // The byte scanner gives what the line scanner gives, when it reads the file at all (record-bytes.ts).
  const parsed = scanRecordBytes(bytes, recordsKey) ?? parseFlowLines(decoded.text, recordsKey);
  const records = parsed?.data[recordsKey];
  if (!parsed || !Array.isArray(records) || records.length === 0) return undefined;
  // A version read as another kind would be "misplaced" once a record breaks the schema.
  const guessed = guessKind(parsed.data);
  if (guessed !== undefined && guessed !== kind) return undefined;
  const lines = decoded.text.split('\n');
  const values: unknown[] = [];
  let listAt = -1;
  let indent = -1;
  let n = 0;
  for (let i = 0; i < lines.length; i++) {
    const c = classify(strip(lines[i]!));
    if (c === 'item') {
      if (indent === -1) indent = ITEM.exec(lines[i]!)![1]!.length;
      values.push(records[n++]);
    } else values.push(c);
    if (c === HEAD) listAt = i;
  }
  if (n !== records.length || listAt < 0 || HEADER.exec(strip(lines[listAt]!))?.[1] !== recordsKey) return undefined;
  const header = Object.fromEntries(Object.entries(parsed.data).filter(([k]) => k !== recordsKey));
  const file: ListFile = { kind, path, oid, lines, values, listAt, indent, items: n, bytes: bytes.length, header, counts: new Map() };
  for (const v of records) {
    const t = recOf(file, v);
    if (t) file.counts.set(t.key, (file.counts.get(t.key) ?? 0) + 1);
  }
  return file;
}

/** A patch to a list file, worked out: the records it removes and adds, and the step that applies it. */
export interface PlannedPatch {
  removed: Touched[];
  added: Touched[];
  /** Moves the file to the patch's version (once). */
  apply: () => void;
}

/**
 * A commit's patch to a list file: the records removed and added, in file order, and `apply`, which
 * moves the file to the next version (a walk plans every patch of a commit before it applies any);
 * undefined (the file unchanged) when the patch does anything else than replace record lines, or
 * leaves a key twice among the records it touches.
 */
export function planPatch(f: ListFile, patch: FilePatch): PlannedPatch | undefined {
  if (patch.opaque || patch.before !== f.oid || patch.after === null) return undefined;
  const removed: Touched[] = [];
  const added: { line: number; values: unknown[] }[] = [];
  const addedTouched: Touched[] = [];
  let items = f.items;
  let bytes = f.bytes;
  for (const h of patch.hunks) {
    // A hunk above the list changes the top-level keys; a very large one is cheaper to read whole.
    if (h.at <= f.listAt || h.added.length > 10_000) return undefined;
    for (let i = 0; i < h.removed.length; i++) {
      const line = f.lines[h.at + i];
      if (line === undefined || line !== h.removed[i]) return undefined;
      bytes -= Buffer.byteLength(line) + 1;
      const v = f.values[h.at + i];
      if (v === HEAD) return undefined;
      if (v === SKIP) continue;
      items--;
      const t = recOf(f, v);
      if (t) removed.push(t);
    }
    const values: unknown[] = [];
    for (const line of h.added) {
      if (line.includes('\uFFFD')) return undefined; // not UTF-8 in the blob, or a replacement character: read it whole
      bytes += Buffer.byteLength(line) + 1;
      const text = strip(line);
      const c = classify(text);
      if (c === HEAD) return undefined;
      if (c === SKIP) {
        values.push(SKIP);
        continue;
      }
      const v = parseItem(text, f.indent);
      if (v === NOT) return undefined;
      values.push(v);
      items++;
      const t = recOf(f, v);
      if (t) addedTouched.push(t);
    }
    added.push({ line: h.at, values });
  }
  if (items === 0 || bytes > MAX_FILE_BYTES) return undefined;
  const after = new Map<string, number>();
  for (const t of removed) after.set(t.key, (after.get(t.key) ?? f.counts.get(t.key) ?? 0) - 1);
  for (const t of addedTouched) after.set(t.key, (after.get(t.key) ?? f.counts.get(t.key) ?? 0) + 1);
  for (const [key, n] of after) if (n > 1 || (f.counts.get(key) ?? 0) > 1) return undefined;
  const apply = () => {
    // Applied from the last hunk back, so that the earlier hunks' line numbers still hold.
    for (let k = patch.hunks.length - 1; k >= 0; k--) {
      const h = patch.hunks[k]!;
      f.lines.splice(h.at, h.removed.length, ...h.added);
      f.values.splice(h.at, h.removed.length, ...added[k]!.values);
    }
    for (const [key, n] of after) {
      if (n === 0) f.counts.delete(key);
      else f.counts.set(key, n);
    }
    Object.assign(f, { oid: patch.after, items, bytes });
  };
  return { removed, added: addedTouched, apply };
}
