import { describe, expect, it } from 'vitest';
import { memoize } from '../../src/util/memo.ts';

describe('memoize', () => {
  it('computes each argument once and returns the kept result after, undefined included', () => {
    const calls: Array<string | undefined> = [];
    const f = memoize((k: string | undefined) => (calls.push(k), k === undefined ? undefined : k.length));
    expect(f('abc')).toBe(3);
    expect(f('abc')).toBe(3);
    expect(f(undefined)).toBeUndefined();
    expect(f(undefined)).toBeUndefined();
    expect(f('de')).toBe(2);
    expect(calls).toEqual(['abc', undefined, 'de']);
  });
});
