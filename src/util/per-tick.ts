// Requests gathered per turn of the event loop: every key asked for before the next check phase goes to
// one call (lac reads the files of a tree with one git process, not one each).

/**
 * A lookup whose keys asked for in the same turn are answered by one call of `run`, made in the next check
 * phase. A key `run` has no answer for rejects with `missing(key)`; when `run` fails, every key of its turn
 * rejects with that error. Answers are handed over in the order the keys were first asked, all before any
 * caller's continuation runs.
 */
export function perTick<V>(run: (keys: string[]) => Promise<Map<string, V>>, missing: (key: string) => Error): (key: string) => Promise<V> {
  let pending = new Map<string, { resolve: (v: V) => void; reject: (e: unknown) => void }[]>();
  const flush = async () => {
    const batch = pending;
    pending = new Map();
    try {
      const found = await run([...batch.keys()]);
      for (const [key, waiting] of batch) {
        const v = found.get(key);
        for (const p of waiting) {
          if (v !== undefined) p.resolve(v);
          else p.reject(missing(key));
        }
      }
    } catch (e) {
      for (const waiting of batch.values()) for (const p of waiting) p.reject(e);
    }
  };
  return (key) => new Promise<V>((resolve, reject) => {
    if (pending.size === 0) setImmediate(() => void flush());
    const waiting = pending.get(key);
    if (waiting) waiting.push({ resolve, reject });
    else pending.set(key, [{ resolve, reject }]);
  });
}
