// checkFile refuses what decodeFile refuses, with the same finding, and gives the same text; it makes the text only
// when asked (the byte scanner reads most files from their bytes alone).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFile, decodeFile, MAX_FILE_BYTES } from '../../src/inventory/parse/decode.ts';

const bytes = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));
const same = (b: Uint8Array) => {
  const d = decodeFile(b);
  const c = checkFile(b);
  if (d.ok) {
    expect(c.ok).toBe(true);
    expect(c.ok && c.text()).toBe(d.text);
  } else expect(c).toEqual(d);
};

describe('checkFile', () => {
  it.each([
    ['an empty file', bytes('')],
    ['blank lines only', bytes('\n \t\n\r\n')],
    ['comments only', bytes('# nothing yet\n  # still nothing\n')],
    ['a comment without a line end', bytes('# x')],
    ['a comment then a lone carriage return and text (`.` stops at \\r)', bytes('# a\rb\n')],
    ['vertical tab and form feed as white space', bytes('\v\f# c\n')],
    ['a record', bytes('id: figma\nname: Figma\n')],
    ['a record after comments', bytes('# vendor\n\nid: figma\n')],
    ['a byte-order mark and a record', bytes([0xef, 0xbb, 0xbf], 'id: figma\n')],
    ['a byte-order mark alone', bytes([0xef, 0xbb, 0xbf])],
    ['a no-break space only (white space to trim)', bytes([0xc2, 0xa0], '\n')],
    ['a line separator in a comment', bytes('# a', [0xe2, 0x80, 0xa8], 'b\n')],
    ['text with accents', bytes('name: été\n')],
    ['not UTF-8', bytes('id: x\nname: ', [0xe9, 0x74, 0xe9], '\n')],
    ['a truncated sequence at the end', bytes('id: x', [0xe2, 0x82])],
  ])('agrees with decodeFile on %s', (_, b) => same(b));

  it('refuses a file above the limit as decodeFile does', () => {
    same(new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61));
  });

  it('agrees with decodeFile on any bytes of the characters that decide it', () => {
    const alphabet = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x23, 0x61, 0x3a, 0xc2, 0xa0, 0xe2, 0x80, 0xa8, 0xef, 0xbb, 0xbf, 0xff];
    fc.assert(fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }), (a) => same(Uint8Array.from(a))), { numRuns: 3000 });
  });

  it('gives the same text each time it is asked', () => {
    const c = checkFile(bytes('id: figma\n'));
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(c.text()).toBe('id: figma\n');
    expect(c.text()).toBe(c.text());
  });
});
