import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { INVENTORY_DIR } from './layout.ts';

/** Where inventory files come from: a working tree now, a git revision for `--at`. */
export interface TreeSource {
  /** For messages: the folder or the revision. */
  label: string;
  /** Paths (posix, relative to the repository root) of every file under inventory/, sorted. */
  list(): Promise<string[]>;
  read(path: string): Promise<Uint8Array>;
}

/** A repository's working tree on disk. */
export function fsSource(root: string): TreeSource {
  return {
    label: root,
    async list() {
      const out: string[] = [];
      await walk(root, INVENTORY_DIR, out);
      return out.sort();
    },
    read: (path) => readFile(join(root, path)),
  };
}

async function walk(root: string, rel: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(join(root, rel), { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && rel !== INVENTORY_DIR) return;
    throw e;
  }
  for (const entry of entries) {
    const path = `${rel}/${entry.name}`;
    if (entry.isDirectory()) await walk(root, path, out);
    else if (entry.isFile()) out.push(path);
    else if (entry.isSymbolicLink()) out.push(path);
  }
}
