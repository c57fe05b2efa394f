import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readRegularFile, ReadRefused } from '../util/fs/read-bounded.ts';
import { INVENTORY_DIR } from './layout.ts';
import { MAX_FILE_BYTES } from './parse/decode.ts';

/** Where inventory files come from: a working tree now, a git revision for `--at`. */
export interface TreeSource {
  /** For messages: the folder or the revision. */
  label: string;
  /** Paths (posix, relative to the repository root) of every file under inventory/, sorted. */
  list(): Promise<string[]>;
  /** The bytes of a listed file; throws ReadRefused (util/fs/read-bounded.ts) for one that must not be read. */
  read(path: string): Promise<Uint8Array>;
  /** For a git revision: where another thread can read the same files, by object id (`oid` refuses what `read` refuses). */
  git?: { repo: string; revision: string; oid(path: string): Promise<string> };
}

/** A repository's working tree on disk: only regular files inside it, at most MAX_FILE_BYTES each. */
export function fsSource(root: string): TreeSource {
  return {
    label: root,
    async list() {
      const out: string[] = [];
      await walk(root, INVENTORY_DIR, out);
      return out.sort();
    },
    read: (path) => readRegularFile(root, path, MAX_FILE_BYTES),
  };
}

/** A listed file's bytes, or undefined for an entry the source refuses (check reports it as a finding). */
export const readUnlessRefused = (source: TreeSource, path: string): Promise<Uint8Array | undefined> =>
  source.read(path).catch((e: unknown) => {
    if (e instanceof ReadRefused) return undefined;
    throw e;
  });

/** The text of one inventory file in a working tree, read like the loader reads it (regular file, bounded); a byte-order mark is kept, so an edit changes only what it edits. */
export async function readWorkingFile(root: string, path: string): Promise<string> {
  const bytes = await readRegularFile(root, path, MAX_FILE_BYTES);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
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
    // A folder named like a file is listed, to be reported; so are links, pipes and devices (read refuses them).
    if (entry.isDirectory() && !entry.name.endsWith('.yaml')) await walk(root, path, out);
    else out.push(path);
  }
}
