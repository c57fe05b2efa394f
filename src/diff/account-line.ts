// One account line of a usage snapshot in the exact shape `lac pull` writes, read from its bytes: the
// grammar usage-scan.ts states as a regular expression, without a string of the line or of the file and
// without an array of captures per line (a snapshot of the largest orgs has 87,000 of them, 17 MB).
// Accepts only what that expression accepts, and nothing whose values the schema could refuse;
// tests/diff/account-line.test.ts holds the expression and compares the two on generated lines.

/** Spans of one matched line's values: [start, end) byte offsets, -1 where the key is absent. */
export interface AccountSpans {
  /** account, person, email, login, name, tier (TEXT values keep their quotes, as the expression captures them). */
  text: Int32Array;
  /** last_active (its date; -1 for null or absent) and pending_cancellation. */
  dates: Int32Array;
  /** The inner text of `signals: { ... }`, -1 when absent. */
  signals: Int32Array;
  /** Whether a value holds a byte above 0x7f (the line must then be valid UTF-8). */
  wide: boolean;
}

const SP = 32;
const COMMA = 44;
const COLON = 58;
const QUOTE = 34;
const BACKSLASH = 92;
const LBRACE = 123;
const RBRACE = 125;
const NL = 10;

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isLower = (c: number) => c >= 97 && c <= 122;

/** Bytes of a plain TEXT value: letters, digits, `._@+/-`, space, and every byte above 0x7f (latin1: one character each). */
const PLAIN = new Uint8Array(256);
for (let c = 0; c < 256; c++) PLAIN[c] = isLetter(c) || isDigit(c) || '._@+/ -'.includes(String.fromCharCode(c)) || c >= 0x80 ? 1 : 0;
/** Bytes of a person ID after its first letter: `[a-z0-9._-]`. */
const ID = new Uint8Array(256);
for (let c = 0; c < 256; c++) ID[c] = isLower(c) || isDigit(c) || c === 46 || c === 95 || c === 45 ? 1 : 0;

const ascii = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
const PREFIX = ascii('  - { account: ');
/** The optional keys in the order the line must hold them (serialize.ts's), each with the `, ` before it. */
const KEYS = ['person', 'email', 'login', 'name', 'tier', 'status', 'last_active', 'pending_cancellation', 'signals'].map((k) => ascii(`, ${k}: `));
const PERSON = 0;
const TIER = 4;
const STATUS = 5;
const LAST_ACTIVE = 6;
const PENDING = 7;
const SIGNALS = 8;
const STATUSES = ['active', 'suspended', 'deactivated', 'invited', 'guest'].map(ascii);
const NULL = ascii('null');
/** Longest TEXT value (schemas/usage.schema.json) in bytes, by index in `text`; the person has its own check. */
export const TEXT_MAX = [320, 0, 320, 200, 200, 100];

/** Whether `b[at...]` starts with `word`. */
function startsWith(b: Uint8Array, at: number, end: number, word: Uint8Array): boolean {
  if (at + word.length > end) return false;
  for (let k = 0; k < word.length; k++) if (b[at + k] !== word[k]) return false;
  return true;
}

/** Whether the closing ` }` at `at` ends the line: the line break (or the file's end) follows at once. */
const closes = (b: Uint8Array, at: number) => b[at] === SP && b[at + 1] === RBRACE && (at + 2 === b.length || b[at + 2] === NL);

/** Whether a value ending at `at` is followed by the next key's `, ` or by the closing ` }`. */
const boundary = (b: Uint8Array, at: number) => (b[at] === COMMA && b[at + 1] === SP) || closes(b, at);

/**
 * The end of a TEXT value starting at `at` (a plain scalar or a double-quoted one without escapes), or -1.
 * A plain value runs over its bytes and may not end in a space; before the closing ` }` its run takes
 * that space too, which is then given back (as the expression backtracks).
 */
function text(b: Uint8Array, at: number, end: number, out: AccountSpans): number {
  if (b[at] === QUOTE) {
    let i = at + 1;
    while (i < end && b[i] !== QUOTE) {
      const c = b[i]!;
      if (c < 0x20 || c === 0x7f || c === BACKSLASH) return -1;
      if (c >= 0x80) out.wide = true;
      i++;
    }
    return i < end && i > at + 1 ? i + 1 : -1;
  }
  if (!isLetter(b[at]!)) return -1;
  let i = at + 1;
  for (let c = b[i]!; i < end && PLAIN[c] === 1; c = b[++i]!) if (c >= 0x80) out.wide = true;
  if (b[i - 1] === SP) i--;
  return b[i - 1] === SP ? -1 : i;
}

/** The end of a YYYY-MM-DD date at `at` (digits and dashes only; the calendar is judged later), or -1. */
function date(b: Uint8Array, at: number, end: number): number {
  if (at + 10 > end) return -1;
  for (let k = 0; k < 10; k++) {
    const c = b[at + k]!;
    if (k === 4 || k === 7 ? c !== 45 : !isDigit(c)) return -1;
  }
  return at + 10;
}

/** The end of `signals`' `{ name: count, ... }` at `at`, or -1: names `[a-z][a-z0-9_]{0,63}`, counts 0 or up to 15 digits without a leading zero. */
function signals(b: Uint8Array, at: number, end: number): number {
  if (b[at] !== LBRACE || b[at + 1] !== SP) return -1;
  let i = at + 2;
  for (;;) {
    const from = i;
    if (!isLower(b[i]!)) return -1;
    i++;
    while (i < end && (isLower(b[i]!) || isDigit(b[i]!) || b[i] === 95)) i++;
    if (i - from > 64 || b[i] !== COLON || b[i + 1] !== SP) return -1;
    i += 2;
    const digits = i;
    while (i < end && isDigit(b[i]!)) i++;
    if (i === digits || i - digits > 15 || (b[digits] === 48 && i - digits > 1)) return -1;
    if (b[i] === COMMA && b[i + 1] === SP) i += 2;
    else if (b[i] === SP && b[i + 1] === RBRACE) return i + 2;
    else return -1;
  }
}

/**
 * Matches the line that starts at `start`, filling `out`: the offset of its line break (or the file's
 * end), or -1 when the line has any other shape (a carriage return before the line break too). No value
 * holds a line break, so the match finds the line's end itself.
 */
export function matchAccountLine(b: Uint8Array, start: number, out: AccountSpans): number {
  // Every value stops at a line break; the file's end bounds the last line.
  const end = b.length;
  // Element by element: a call of TypedArray#fill per line cost more than the rest of the match.
  for (let k = 0; k < 12; k++) out.text[k] = -1;
  for (let k = 0; k < 4; k++) out.dates[k] = -1;
  out.signals[0] = out.signals[1] = -1;
  out.wide = false;
  if (!startsWith(b, start, end, PREFIX)) return -1;
  let i = start + PREFIX.length;
  let e = text(b, i, end, out);
  if (e < 0 || !boundary(b, e)) return -1;
  out.text[0] = i;
  out.text[1] = e;
  i = e;
  let next = 0;
  while (b[i] === COMMA) {
    while (next < KEYS.length && !startsWith(b, i, end, KEYS[next]!)) next++;
    if (next === KEYS.length) return -1;
    const key = next++;
    i += KEYS[key]!.length;
    if (key === PERSON) {
      if (!isLower(b[i]!)) return -1;
      e = i + 1;
      while (e < end && ID[b[e]!] === 1) e++;
    } else if (key <= TIER) e = text(b, i, end, out);
    else if (key === STATUS) {
      const word = STATUSES.find((s) => startsWith(b, i, end, s));
      e = word ? i + word.length : -1;
    } else if (key === LAST_ACTIVE) e = startsWith(b, i, end, NULL) ? i + NULL.length : date(b, i, end);
    else if (key === PENDING) e = date(b, i, end);
    else e = signals(b, i, end);
    if (e < 0 || !boundary(b, e)) return -1;
    if (key <= TIER) {
      out.text[2 * (key + 1)] = i;
      out.text[2 * (key + 1) + 1] = e;
    } else if (key === LAST_ACTIVE || key === PENDING) {
      if (b[i] !== NULL[0]) {
        out.dates[2 * (key - LAST_ACTIVE)] = i;
        out.dates[2 * (key - LAST_ACTIVE) + 1] = e;
      }
    } else if (key === SIGNALS) {
      out.signals[0] = i + 2;
      out.signals[1] = e - 2;
    }
    i = e;
  }
  return closes(b, i) ? i + 2 : -1;
}

/** Fresh spans for matchAccountLine, reused line after line. */
export const accountSpans = (): AccountSpans => ({ text: new Int32Array(12), dates: new Int32Array(4), signals: new Int32Array(2), wide: false });
