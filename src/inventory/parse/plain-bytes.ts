// What a byte means in a plain (unquoted) scalar of a flow mapping, for the byte scanner
// (record-bytes.ts): tables looked up once a byte, and the test that spares most values the
// regular expressions of flow-value.ts.

const DASH = 45;

// Plain scalars may not start with these (as in flow-value.ts): & * ! | > % @ ` ? : # , ] }
export const NO_PLAIN_START = new Uint8Array(128);
for (const c of '&*!|>%@`?:#,]}') NO_PLAIN_START[c.charCodeAt(0)] = 1;
/** What a byte means inside a plain scalar, in one table lookup: most bytes are ID_BYTE. */
export const ID_BYTE = 0; // lowercase letter, digit, `.`, `_`, `-`: ID-like text
export const TEXT_BYTE = 1; // any other printable ASCII with no meaning in a flow scalar
const SPECIAL_BYTE = 2; // `,` `}` `]` end it; `:` `#` need a look around; `[` `{`, controls, DEL bail
export const WIDE_BYTE = 3; // part of a UTF-8 sequence
export const PLAIN = new Uint8Array(256).map((_, c) =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 45 ? ID_BYTE
  : c > 127 ? WIDE_BYTE
  : c < 32 || c === 127 || ',}]{[:#'.includes(String.fromCharCode(c)) ? SPECIAL_BYTE
  : TEXT_BYTE,
);

/**
 * False when plain ASCII text is certainly a string, without resolvePlain's regular expressions:
 * only text starting with a digit, `+`, `-`, `.`, `~`, or spelling null / true / false, can be
 * anything else. A date (the commonest value) is recognised by its shape.
 */
export function maybeNotString(b: Uint8Array, i: number, k: number): boolean {
  const c = b[i]!;
  const len = k - i;
  if (isDigit(c)) {
    const date = len === 10 && b[i + 4] === DASH && b[i + 7] === DASH && isDigit(b[i + 1]!) && isDigit(b[i + 2]!) && isDigit(b[i + 3]!) && isDigit(b[i + 5]!) && isDigit(b[i + 6]!) && isDigit(b[i + 8]!) && isDigit(b[i + 9]!);
    return !date;
  }
  if (c === 43 || c === DASH || c === 46 || c === 126) return true;
  // n N t T f F: null, true, false
  return (c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70) && len <= 5;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** ASCII letters and digits. */
export function isWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
