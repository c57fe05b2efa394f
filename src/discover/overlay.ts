import type { TreeSource } from '../inventory/source.ts';

/** A tree with some files replaced or added in memory: what the inventory would be after a dry run's writes. */
export function overlaySource(base: TreeSource, files: ReadonlyMap<string, string>): TreeSource {
  const encoder = new TextEncoder();
  return {
    label: base.label,
    list: async () => [...new Set([...(await base.list()), ...files.keys()])].sort(),
    read: async (path) => {
      const text = files.get(path);
      return text === undefined ? base.read(path) : encoder.encode(text);
    },
  };
}
