import { describe, expect, it } from 'vitest';
import { stringPool } from '../../src/util/string-pool.ts';

describe('stringPool', () => {
  it('gives back an equal string and holds each distinct string once', () => {
    const pool = stringPool();
    const made = (s: string) => [...s].join(''); // a fresh copy each time, as a parse makes
    expect(pool.one(made('alice'))).toBe('alice');
    expect(pool.one(made('alice'))).toBe('alice');
    expect(pool.one(made('bob'))).toBe('bob');
    expect(pool.size).toBe(2);
  });

  it("pools a details object's string values in place and leaves other values as they are", () => {
    const pool = stringPool();
    const nested = { a: 1 };
    const d = { tier: 'pro', since: '2026-01-01', seats: 3, note: undefined, from: nested, flag: true };
    const out = pool.details(d);
    expect(out).toBe(d);
    expect(out).toEqual({ tier: 'pro', since: '2026-01-01', seats: 3, note: undefined, from: { a: 1 }, flag: true });
    expect(out.from).toBe(nested);
    expect(pool.size).toBe(2);
    pool.details({ tier: 'pro' });
    expect(pool.size).toBe(2);
  });
});
