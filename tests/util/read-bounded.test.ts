// The lexical half of confinement (src/util/fs/read-bounded.ts): which configured paths stay inside the repository.
import fc from 'fast-check';
import { resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, staysInside } from '../../src/util/fs/read-bounded.ts';

const ROOT = '/repo/root';

describe('staysInside', () => {
  it('accepts exactly the relative paths that resolve strictly inside the root', () => {
    const segment = fc.constantFrom('a', 'b', '..', '.', '', '..a', 'a..', '...');
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 8 }), (parts) => {
        const path = parts.join('/');
        const target = resolve(ROOT, path);
        expect(staysInside(path)).toBe(target !== ROOT && isInside(ROOT, target));
      }),
      { numRuns: 2000, seed: 12 },
    );
  });

  it('refuses absolute paths, drive letters and backslashes', () => {
    for (const p of ['/etc/passwd', 'C:/x.csv', 'c:x.csv', 'exports\\..\\..\\x.csv', '']) expect(staysInside(p), p).toBe(false);
  });

  it('does not take a sibling folder that shares the root as a prefix for inside', () => {
    expect(isInside(ROOT, `${ROOT}-evil${sep}x`)).toBe(false);
    expect(isInside(ROOT, `${ROOT}${sep}x`)).toBe(true);
  });
});
