import { readInventoryFile } from '../inventory/read-file.ts';
import type { Kind } from '../inventory/schema/index.ts';
import { createValidators, type Validators } from '../inventory/validate.ts';
import { objectReader, type ObjectReader } from './git.ts';

/** The data of one inventory file, or null when it cannot be read as YAML of its kind. */
export type BlobData = Record<string, unknown> | null;

/** Parses one inventory file's bytes; `path` decides the kind and the parse path; `previous`: another version's data, whose records of unchanged lines are reused. */
export type BlobParser = (path: string, bytes: Uint8Array, previous?: object) => BlobData;

/** The real reader (placement, decoding, the line scanner or `yaml`, schema); validators are built on first use. */
export function inventoryParser(): BlobParser {
  let validators: Validators | undefined;
  return (path, bytes, previous) => {
    validators ??= createValidators();
    return readInventoryFile(path, bytes, validators, undefined, previous).file?.data ?? null;
  };
}

export interface Wanted {
  path: string;
  kind: Kind;
  oid: string;
}

export interface BlobStats {
  /** Blobs parsed by the parser in this run. */
  parsed: number;
  /** Blobs read from git. */
  read: number;
}

export interface BlobStore {
  /** Makes the wanted blobs available to `get`: memory, then the disk cache, then git + the parser. */
  load(wanted: readonly Wanted[]): Promise<void>;
  /** A loaded blob's data; null when it does not parse (or was never loaded). */
  get(kind: Kind, oid: string): BlobData;
  /** Ends the git process that reads blobs and waits for the cache writes. */
  close(): Promise<void>;
  stats: BlobStats;
}

// Parsed blobs kept in memory, counted in source bytes (the heap holds a few times more). The
// blob after one commit is the blob before the next that touches the file: most hits are that.
const MEMORY_BUDGET = 64 * 1024 * 1024;

/**
 * Parsed blobs by object id, in memory for this run (least recently used go first); what a walk
 * keeps across runs is its events (event-cache.ts). `read` reads blobs instead of a git process
 * of its own (a walk that reads ahead).
 */
export function blobStore(repoDir: string, parse: BlobParser = inventoryParser(), budget = MEMORY_BUDGET, read?: ObjectReader['read']): BlobStore {
  const memory = new Map<string, { data: BlobData; size: number }>();
  let held = 0;
  const stats: BlobStats = { parsed: 0, read: 0 };
  let reader: ObjectReader | undefined;
  const key = (kind: Kind, oid: string) => `${kind}:${oid}`;

  const remember = (k: string, data: BlobData, size: number) => {
    memory.set(k, { data, size });
    held += size;
  };
  /** Drops the least recently used blobs, never those of the current commit, until within budget. */
  const evict = (keep: Set<string>) => {
    for (const [k, entry] of memory) {
      if (held <= budget) return;
      if (keep.has(k)) continue;
      memory.delete(k);
      held -= entry.size;
    }
  };

  async function fromGit(w: Wanted): Promise<void> {
    const obj = await (read ?? (reader ??= objectReader(repoDir)).read)(w.oid);
    const data = obj ? parse(w.path, obj.data) : null;
    remember(key(w.kind, w.oid), data, obj?.data.length ?? 0);
    if (!obj) return;
    stats.read++;
    stats.parsed++;
  }

  return {
    stats,
    get(kind, oid) {
      const k = key(kind, oid);
      const entry = memory.get(k);
      if (!entry) return null;
      memory.delete(k); // most recently used last
      memory.set(k, entry);
      return entry.data;
    },
    async close() {
      reader?.close();
    },
    async load(wanted) {
      const keep = new Set(wanted.map((w) => key(w.kind, w.oid)));
      evict(keep);
      const todo = new Map<string, Wanted>();
      for (const w of wanted) if (!memory.has(key(w.kind, w.oid))) todo.set(key(w.kind, w.oid), w);
      // Asked for all at once: cat-file answers in order while the answers are parsed.
      await Promise.all([...todo.values()].map(fromGit));
    },
  };
}
