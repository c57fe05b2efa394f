import type { TreeSource } from './source.ts';

/** An inventory held in memory (tests, generated data): path → text or bytes. */
export function memorySource(files: Record<string, string | Uint8Array>, label = 'memory'): TreeSource {
  const encoder = new TextEncoder();
  return {
    label,
    list: async () => Object.keys(files).filter((p) => p.startsWith('inventory/')).sort(),
    read: async (path) => {
      const f = files[path];
      if (f === undefined) throw new Error(`no such file: ${path}`);
      return typeof f === 'string' ? encoder.encode(f) : f;
    },
  };
}
