// A usage snapshot the change did not touch, of a license whose seats it judges only for some holders:
// the diff needs only those holders' accounts, but a snapshot with one damaged account is left out
// whole (inventory/build.ts), so the whole file must still be read. Another thread reads it whole
// (read-server.ts) while the diff's thread goes on; that thread then parses only the lines of the
// accounts it needs (every other account line left blank, so positions are those of the whole file).
import { Interner } from '../inventory/parse/index.ts';
import { linesOf } from '../inventory/parse/record-reuse.ts';
import { MAX_FILE_BYTES } from '../inventory/parse/decode.ts';
import { readInventoryFile } from '../inventory/read-file.ts';
import type { Validators } from '../inventory/validate.ts';
import { scanAccountLines } from './usage-scan.ts';

/** Where each account's line is in a snapshot that reads cleanly, one account a line, and whom it names. */
export interface UsageLines {
  /** Byte offsets of each account line's start and end (without the line break). */
  starts: ArrayLike<number>;
  ends: ArrayLike<number>;
  /** The person of each account ('' for none). */
  persons: string[];
}

/**
 * The account lines of a snapshot that reads without a finding, one account a line; undefined for any other.
 * Where every account line has the written shape with valid values (usage-scan.ts), only the rest of the
 * file is parsed: its first account kept, the others blank. Records are judged one by one (validate-reused.ts),
 * so the file then reads cleanly exactly when that copy does. Else the whole file is parsed.
 */
export function usageLines(path: string, bytes: Uint8Array, validators: Validators): UsageLines | undefined {
  return judgedUsage(path, bytes, validators)?.lines;
}

const NOBODY: ReadonlySet<string> = new Set();

/** usageLines, with the snapshot held without its accounts' text (holdUsage): the copy the verdict parses is made from it. */
export function judgedUsage(path: string, bytes: Uint8Array, validators: Validators): HeldUsage | undefined {
  const scanned = bytes.length <= MAX_FILE_BYTES ? scanAccountLines(bytes) : undefined;
  if (scanned) {
    const held = holdUsage(bytes, scanned);
    const rest = parsedLines(path, sparseHeld(held, NOBODY, (from, to) => bytes.subarray(from, to)).bytes, validators);
    // The rest holds no account line the scan did not see.
    if (rest?.starts.length === 1 && rest.starts[0] === scanned.starts[0]) return held;
  }
  const lines = parsedLines(path, bytes, validators);
  return lines && holdUsage(bytes, lines);
}

/** usageLines by parsing the whole file. */
export function parsedLines(path: string, bytes: Uint8Array, validators: Validators): UsageLines | undefined {
  const { file, findings } = readInventoryFile(path, bytes, validators, new Interner());
  // The byte scanner remembers its lines only when it read the whole file, one record a line.
  const lines = file && findings.length === 0 && file.problems.length === 0 ? linesOf(file.data) : undefined;
  if (!lines) return undefined;
  return { starts: lines.starts, ends: lines.ends, persons: lines.records.map((r) => (r as { person?: string }).person ?? '') };
}

/** A snapshot that reads cleanly, held without its accounts' text: their spans and persons, and the rest of the file. */
export interface HeldUsage {
  lines: UsageLines;
  /** The file with every account line's text taken out (their line breaks stay). */
  skeleton: Uint8Array;
}

/** The file's bytes without the text of any account line (their line breaks stay). */
export function holdUsage(bytes: Uint8Array, lines: UsageLines): HeldUsage {
  const out = new Uint8Array(bytes.length);
  let at = 0;
  let from = 0;
  for (let i = 0; i < lines.starts.length; i++) {
    // Mostly a line break between two accounts: copied byte by byte, not by a call each.
    const start = lines.starts[i]!;
    if (start - from < 16) while (from < start) out[at++] = bytes[from++]!;
    else {
      out.set(bytes.subarray(from, start), at);
      at += start - from;
    }
    from = lines.ends[i]!;
  }
  out.set(bytes.subarray(from), at);
  // A copy of its own size: a view would keep the whole file's buffer.
  return { lines, skeleton: out.slice(0, at + bytes.length - from) };
}

/**
 * The snapshot with only the accounts of `persons` (and the first account, so the list is never empty) on
 * their lines, every other account line left blank; `text` gives the bytes [from, to) of the file, where it lies.
 */
export function sparseHeld(held: HeldUsage, persons: ReadonlySet<string>, text: (from: number, to: number) => Uint8Array): { bytes: Uint8Array; kept: number } {
  const { starts, ends, persons: names } = held.lines;
  const parts: Uint8Array[] = [];
  let removed = 0;
  let from = 0;
  let kept = 0;
  // Nobody asked for: the first account only (the verdict's copy of the rest of the file).
  const last = persons.size === 0 ? Math.min(1, names.length) : names.length;
  for (let i = 0; i < last; i++) {
    if (i === 0 || persons.has(names[i]!)) {
      // Where the account's text was taken out of the skeleton.
      const at = starts[i]! - removed;
      parts.push(held.skeleton.subarray(from, at), text(starts[i]!, ends[i]!));
      from = at;
      kept++;
    }
    removed += ends[i]! - starts[i]!;
  }
  parts.push(held.skeleton.subarray(from));
  // A copy of its own: the answer crosses to another thread.
  return { bytes: Buffer.concat(parts), kept };
}

/** sparseHeld of a snapshot whose bytes are at hand. */
export function sparseUsage(bytes: Uint8Array, lines: UsageLines, persons: ReadonlySet<string>): { bytes: Uint8Array; kept: number } {
  return sparseHeld(holdUsage(bytes, lines), persons, (from, to) => bytes.subarray(from, to));
}
