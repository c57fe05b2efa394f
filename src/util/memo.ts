/** f with each argument's result kept: the first call with an argument computes it, later calls return it (undefined included). */
export function memoize<K, V>(f: (key: K) => V): (key: K) => V {
  const kept = new Map<K, V>();
  return (key) => {
    if (kept.has(key)) return kept.get(key) as V;
    const value = f(key);
    kept.set(key, value);
    return value;
  };
}
