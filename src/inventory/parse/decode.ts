import { isUtf8 } from 'node:buffer';
import { tooLarge } from '../../util/fs/read-bounded.ts';

/** Files larger than this are refused: far above any real inventory file (100,000 people ≈ 15 MB). */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

export type Decoded = { ok: true; text: string } | { ok: false; rule: 'not-utf8' | 'empty-file' | 'file-too-large'; message: string; hint: string; line: number; column: number };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** A file that checkFile accepts: its text made when asked for (once). */
export type Checked = { ok: true; text: () => string } | Exclude<Decoded, { ok: true }>;

/**
 * What decodeFile refuses, refused the same, without making the text when the bytes tell: valid UTF-8, and a
 * byte that is not blank or a comment. The byte scanner reads most files from their bytes alone; decoding them
 * whole was a tenth of the site's model at 100,000 people (issue 16).
 */
export function checkFile(bytes: Uint8Array): Checked {
  if (bytes.length <= MAX_FILE_BYTES && isUtf8(bytes) && hasContent(bytes)) {
    let text: string | undefined;
    return { ok: true, text: () => (text ??= (decodeFile(bytes) as { text: string }).text) };
  }
  const d = decodeFile(bytes);
  return d.ok ? { ok: true, text: () => d.text } : d;
}

/**
 * True when the bytes hold something besides white space and comments, as decodeFile's test for an empty file
 * reads them; false when they do not, or when that takes the text (a byte-order mark, any byte above ASCII).
 */
function hasContent(b: Uint8Array): boolean {
  let comment = false;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c >= 0x80) return false;
    // A comment runs to a line end (\n or \r: what `.` does not match).
    if (comment) {
      if (c === 0x0a || c === 0x0d) comment = false;
      continue;
    }
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) continue;
    if (c === 0x23) {
      comment = true;
      continue;
    }
    return true;
  }
  return false;
}

/** Bytes to text: strict UTF-8, a byte-order mark dropped, empty and oversized files refused. */
export function decodeFile(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_FILE_BYTES) {
    const { message, hint } = tooLarge(bytes.length, MAX_FILE_BYTES);
    return { ok: false, rule: 'file-too-large', message, hint, line: 1, column: 1 };
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const { line, column } = firstInvalidUtf8(bytes);
    return { ok: false, rule: 'not-utf8', message: 'file is not valid UTF-8 text', hint: 'save it as UTF-8 (it may be UTF-16 or Latin-1, or not a text file at all)', line, column };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '' || /^(?:\s*#.*\n?)*\s*$/.test(text)) {
    return { ok: false, rule: 'empty-file', message: 'file is empty', hint: 'add the record, or delete the file', line: 1, column: 1 };
  }
  return { ok: true, text };
}

/** Where the first byte that breaks UTF-8 is, as a line and column, for the error message. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      line++;
      lineStart = i + 1;
      continue;
    }
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need === -1) return { line, column: i - lineStart + 1 };
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return { line, column: i - lineStart + 1 };
    }
    i += need;
  }
  return { line, column: 1 };
}
