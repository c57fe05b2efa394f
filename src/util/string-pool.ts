/**
 * A string pool: equal strings come back as one string. Ids, file paths, tiers and dates repeat across a million
 * events (each parse or JSON read makes its own copy); pooled, each is held once (issue 16: at 100,000 people the
 * site's model went from 697 to about 520 MB live). Objects given to `details` have their string values pooled in place.
 */
export function stringPool() {
  const pool = new Map<string, string>();
  const one = (s: string): string => {
    const held = pool.get(s);
    if (held !== undefined) return held;
    pool.set(s, s);
    return s;
  };
  return {
    one,
    /** The object with each string value replaced by the pooled one (the same object, changed in place). */
    details<T extends Record<string, unknown>>(o: T): T {
      for (const k in o) {
        const v = o[k];
        if (typeof v === 'string') (o as Record<string, unknown>)[k] = one(v);
      }
      return o;
    },
    get size() {
      return pool.size;
    },
  };
}
export type StringPool = ReturnType<typeof stringPool>;
