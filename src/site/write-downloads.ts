// Writes /download/ with the file system directly: one mkdir per folder, each file's text (or its chunks) in
// large writes. (Through Astro endpoints, every file was a web Response and a mkdir of its own.) The folder is
// a staging one that replaceDir moves into place whole, so the files need no atomic write of their own.
// A path ending in .gz is written gzip-compressed (data.json.gz: the whole data is mostly repeated keys).
import { closeSync, createWriteStream, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as turn } from 'node:timers/promises';
import { createGzip } from 'node:zlib';
import type { DownloadFile } from './downloads.ts';

const CHUNK = 1 << 22;
/** Files written between two turns of the event loop, which keep the compression fed. */
const BATCH = 16;

/**
 * Writes each download under dir; returns the number of files written. The gzip-compressed ones are compressed in
 * libuv's thread pool while this thread makes and writes the others: synchronous writes, since a promise and a trip
 * to the thread pool per file cost more than the write of a small CSV (12,650 files at 100,000 people).
 */
export async function writeDownloads(files: DownloadFile[], dir: string): Promise<number> {
  for (const folder of new Set(files.map((f) => dirname(join(dir, f.path))))) mkdirSync(folder, { recursive: true });
  const zipped = Promise.all(files.filter((f) => f.path.endsWith('.gz')).map((f) => {
    const body = f.body();
    return pipeline(Readable.from(typeof body === 'string' ? [body] : body), createGzip(), createWriteStream(join(dir, f.path)));
  }));
  // Awaited below: a failure meanwhile is not an unhandled rejection.
  zipped.catch(() => {});
  let n = 0;
  for (const f of files) {
    if (f.path.endsWith('.gz')) continue;
    const body = f.body();
    if (typeof body === 'string') writeFileSync(join(dir, f.path), body);
    else writeChunks(join(dir, f.path), body);
    if (++n % BATCH === 0) await turn();
  }
  await zipped;
  return files.length;
}

function writeChunks(path: string, chunks: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    let pending = '';
    for (const chunk of chunks) {
      pending += chunk;
      if (pending.length >= CHUNK) {
        writeAll(fd, pending);
        pending = '';
      }
    }
    writeAll(fd, pending);
  } finally {
    closeSync(fd);
  }
}

/** A write may take fewer bytes than given: the rest is written after. */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
}
