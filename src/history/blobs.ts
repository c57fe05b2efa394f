import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip as gunzipCb, gzip as gzipCb } from 'node:zlib';
import { VERSION } from '../cli/version.ts';
import { readInventoryFile } from '../inventory/read-file.ts';
import type { Kind } from '../inventory/schema/index.ts';
import { createValidators, type Validators } from '../inventory/validate.ts';
import { writeFileAtomic } from '../util/fs/atomic-write.ts';
import { objectReader, type ObjectReader } from './git.ts';

/** The data of one inventory file, or null when it cannot be read as YAML of its kind. */
export type BlobData = Record<string, unknown> | null;

/** Parses one inventory file's bytes; `path` decides the kind and the parse path. */
export type BlobParser = (path: string, bytes: Uint8Array) => BlobData;

/** The real reader (placement, decoding, the line scanner or `yaml`, schema); validators are built on first use. */
export function inventoryParser(): BlobParser {
  let validators: Validators | undefined;
  return (path, bytes) => {
    validators ??= createValidators();
    return readInventoryFile(path, bytes, validators).file?.data ?? null;
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
  /** Blobs found in the on-disk cache. */
  diskHits: number;
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

// Bump when the parser's output for the same bytes changes: old entries are then never read.
const CACHE_VERSION = 'v1';
const gzip = promisify(gzipCb);
const gunzip = promisify(gunzipCb);
const CACHE_FORMAT = `lac-parsed-blob/${CACHE_VERSION}`;

/** What a cache file holds: the parsed data and what it was made by and from. */
interface CacheEntry {
  format: string;
  /** lac's version: another version's parser may read the same bytes differently. */
  lac: string;
  kind: Kind;
  /** The blob the data was parsed from (the file's name says it too; a copied file must not pass). */
  oid: string;
  data: BlobData;
}

/**
 * A cache file's content when it is an entry of this lac for this blob, else undefined (a miss):
 * the folder may hold anything (another lac's entries, a torn copy, a hand edit), and none of it
 * may change the audit trail (issue 12).
 */
function cacheEntry(value: unknown, w: Wanted): CacheEntry | undefined {
  if (!isPlainObject(value) || Object.keys(value).length !== 5) return undefined;
  const { format, lac, kind, oid, data } = value;
  if (format !== CACHE_FORMAT || lac !== VERSION || kind !== w.kind || oid !== w.oid) return undefined;
  if (data !== null && !isPlainObject(data)) return undefined;
  return { format: CACHE_FORMAT, lac: VERSION, kind: w.kind, oid: w.oid, data: data as BlobData };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// Parsed blobs kept in memory, counted in source bytes (the heap holds a few times more). The
// blob after one commit is the blob before the next that touches the file: most hits are that.
const MEMORY_BUDGET = 64 * 1024 * 1024;

/**
 * Parsed blobs by object id: in memory for this run (least recently used go first) and, when
 * cacheDir is given, gzipped under it (.git/lac-cache/), so that a second run over the same
 * history parses nothing. A blob's id is the hash of its bytes, so an entry never goes stale.
 * `read` reads blobs instead of a git process of its own (a walk that reads ahead).
 */
export function blobStore(repoDir: string, cacheDir: string | undefined, parse: BlobParser = inventoryParser(), budget = MEMORY_BUDGET, read?: ObjectReader['read']): BlobStore {
  const memory = new Map<string, { data: BlobData; size: number }>();
  let held = 0;
  const stats: BlobStats = { parsed: 0, diskHits: 0, read: 0 };
  let reader: ObjectReader | undefined;
  const writes: Promise<void>[] = [];
  const key = (kind: Kind, oid: string) => `${kind}:${oid}`;
  const fileOf = (kind: Kind, oid: string) => join(cacheDir!, CACHE_VERSION, kind, oid.slice(0, 2), `${oid.slice(2)}.json.gz`);

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

  async function fromDisk(w: Wanted): Promise<boolean> {
    if (!cacheDir) return false;
    try {
      const json = await gunzip(await readFile(fileOf(w.kind, w.oid)));
      const entry = cacheEntry(JSON.parse(json.toString('utf8')), w);
      if (!entry) return false;
      remember(key(w.kind, w.oid), entry.data, json.length);
      stats.diskHits++;
      return true;
    } catch {
      return false; // absent, torn or not JSON: parse again
    }
  }

  async function toDisk(w: Wanted, data: BlobData): Promise<void> {
    if (!cacheDir) return;
    // Atomic (a concurrent or later run never reads half a file), not fsynced: a cache entry lost
    // to a power cut is only parsed again. gzip level 1: a 100,000-person people.yaml caches in
    // 0.85 MB instead of 12.5 MB, and reads back (gunzip + JSON.parse) about four times faster
    // than the line scanner and schema check.
    const entry: CacheEntry = { format: CACHE_FORMAT, lac: VERSION, kind: w.kind, oid: w.oid, data };
    await writeFileAtomic(fileOf(w.kind, w.oid), await gzip(JSON.stringify(entry), { level: 1 }), { durable: false, clean: false });
  }

  async function fromGit(w: Wanted): Promise<void> {
    const obj = await (read ?? (reader ??= objectReader(repoDir)).read)(w.oid);
    const data = obj ? parse(w.path, obj.data) : null;
    remember(key(w.kind, w.oid), data, obj?.data.length ?? 0);
    if (!obj) return;
    stats.read++;
    stats.parsed++;
    // Written in the background (a read-only .git only loses the cache); close() waits for them.
    writes.push(toDisk(w, data).catch(() => {}));
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
      await Promise.all(writes);
    },
    async load(wanted) {
      const keep = new Set(wanted.map((w) => key(w.kind, w.oid)));
      evict(keep);
      const todo = new Map<string, Wanted>();
      for (const w of wanted) if (!memory.has(key(w.kind, w.oid))) todo.set(key(w.kind, w.oid), w);
      const list = [...todo.values()];
      const hits = await Promise.all(list.map(fromDisk));
      // Asked for all at once: cat-file answers in order while the answers are parsed.
      await Promise.all(list.filter((_, i) => !hits[i]).map(fromGit));
    },
  };
}
