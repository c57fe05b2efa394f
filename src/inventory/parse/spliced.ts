import type { FlowLinesParse } from './flow-lines.ts';
import type { Interner } from './intern.ts';
import type { Path, Pos, SourceMap } from './positions.ts';
import { scanRecordBytesLeniently, type IrregularRegion } from './record-bytes.ts';
import { parseYamlDocument } from './yaml-document.ts';

/** A record list read by the byte scanner, with the lines it could not read parsed by `yaml`. */
export interface SplicedParse extends FlowLinesParse {
  /** The lines (1-based, inclusive) that `yaml` parsed: the observable of the mixed path. */
  yamlLines: { from: number; to: number }[];
}

/**
 * A file that is mostly one-line records with a few lines of another shape (a record written
 * over several lines, single quotes, an anchor): the byte scanner reads the regular lines and
 * `yaml` only each run of other lines, as the list `recordsKey:` holding just them (issue 16: one
 * such line sent a 100,000-line file, and every later version of it in history, to `yaml`).
 * The result equals `yaml`'s on the whole file. Null, for the whole file to go to `yaml`, unless
 * every run starts a list item at the regular items' indent and parses alone with no problem into
 * list items: a run that is broken, or open at its end (a flow collection, a quoted scalar), may
 * read differently inside the whole file, and `yaml`'s own messages about it depend on what follows.
 */
export function parseSpliced(bytes: Uint8Array, recordsKey: string, interner?: Interner): SplicedParse | null {
  const scanned = scanRecordBytesLeniently(bytes, recordsKey, interner);
  if (!scanned || scanned.regions.length === 0 || scanned.itemIndent === -1) return null;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const indent = ' '.repeat(scanned.itemIndent);
  const parsed: { region: IrregularRegion; records: unknown[]; map: SourceMap }[] = [];
  for (const region of scanned.regions) {
    const lines = text.toString('utf8', region.fromByte, quietLinesAfter(text, region.toByte));
    if (!lines.startsWith(`${indent}- `) && lines !== `${indent}-` && !lines.startsWith(`${indent}-\n`)) return null;
    const doc = parseYamlDocument(`${recordsKey}:\n${lines}\n`);
    const records = (doc.data as Record<string, unknown> | null)?.[recordsKey];
    if (doc.problems.length > 0 || !Array.isArray(records) || Object.keys(doc.data as object).length !== 1) return null;
    parsed.push({ region, records, map: doc.map });
  }
  const regular = scanned.data[recordsKey];
  if (!Array.isArray(regular)) return null;
  // Where each record of the whole list comes from: a regular record's index, or a region and an index in it.
  const origin: { region: number; index: number }[] = [];
  const all: unknown[] = [];
  let next = 0;
  const regularUpTo = (end: number) => {
    for (; next < end; next++) {
      origin.push({ region: -1, index: next });
      all.push(regular[next]);
    }
  };
  parsed.forEach(({ region, records }, r) => {
    regularUpTo(region.at);
    records.forEach((record, index) => {
      origin.push({ region: r, index });
      all.push(record);
    });
  });
  regularUpTo(regular.length);
  const data = { ...scanned.data, [recordsKey]: all };
  // Where `yaml` puts the list itself: the `-` of its first item.
  const listStart = { line: Math.min(scanned.map.locate([recordsKey, 0]).line, parsed[0]!.region.fromLine), column: scanned.itemIndent + 1 };
  const map: SourceMap = {
    locate(path: Path, target?: 'value' | 'key'): Pos {
      if (path[0] !== recordsKey || (path.length === 1 && target === 'key')) return scanned.map.locate(path, target);
      const from = typeof path[1] === 'number' ? origin[path[1]] : undefined;
      if (!from) return listStart;
      if (from.region === -1) return scanned.map.locate([recordsKey, from.index, ...path.slice(2)], target);
      const { region, map: regionMap } = parsed[from.region]!;
      // The region was parsed below one added line, the list's key: line 2 there is its first line.
      const pos = regionMap.locate([recordsKey, from.index, ...path.slice(2)], target);
      return { line: pos.line + region.fromLine - 2, column: pos.column };
    },
  };
  return { data, map, yamlLines: parsed.map(({ region }) => ({ from: region.fromLine, to: region.toLine })) };
}

/**
 * The end of the blank and comment lines that follow `end` (the end of a line): parsed with the
 * region, as they follow it in the file (a block scalar that keeps its trailing line breaks, `|+`,
 * takes the blank ones).
 */
function quietLinesAfter(b: Uint8Array, end: number): number {
  let last = end;
  for (let pos = b[end] === 13 ? end + 1 : end; pos < b.length && b[pos] === 10; ) {
    let i = pos + 1;
    while (i < b.length && (b[i] === 32 || b[i] === 13)) i++;
    if (i < b.length && b[i] !== 10 && b[i] !== 35) break;
    let eol = b.indexOf(10, i);
    if (eol === -1) eol = b.length;
    last = eol;
    pos = eol;
  }
  return last;
}
