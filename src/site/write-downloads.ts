// Writes /download/ with the file system directly: one mkdir per folder, each file's text (or its chunks) in
// large writes. (Through Astro endpoints, every file was a web Response and a mkdir of its own.) The folder is
// a staging one that replaceDir moves into place whole, so the files need no atomic write of their own.
// A path ending in .gz is written gzip-compressed (data.json.gz: the whole data is mostly repeated keys).
import { createWriteStream } from 'node:fs';
import { mkdir, open, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { DownloadFile } from './downloads.ts';

const CHUNK = 1 << 22;

/** Writes each download under dir; returns the number of files written. */
export async function writeDownloads(files: DownloadFile[], dir: string): Promise<number> {
  for (const folder of new Set(files.map((f) => dirname(join(dir, f.path))))) await mkdir(folder, { recursive: true });
  for (const f of files) {
    const body = f.body();
    if (f.path.endsWith('.gz')) await pipeline(Readable.from(typeof body === 'string' ? [body] : body), createGzip(), createWriteStream(join(dir, f.path)));
    else if (typeof body === 'string') await writeFile(join(dir, f.path), body);
    else await writeChunks(join(dir, f.path), body);
  }
  return files.length;
}

async function writeChunks(path: string, chunks: Iterable<string>): Promise<void> {
  const fh = await open(path, 'w');
  try {
    let pending = '';
    for (const chunk of chunks) {
      pending += chunk;
      if (pending.length >= CHUNK) {
        await fh.write(pending);
        pending = '';
      }
    }
    await fh.write(pending);
  } finally {
    await fh.close();
  }
}
