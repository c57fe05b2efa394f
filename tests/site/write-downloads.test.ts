// writeDownloads: the plain files written from this thread while data.json.gz is compressed in the thread pool; same bytes as before.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { writeDownloads } from '../../src/site/write-downloads.ts';

test('writes many files, large chunked ones and non-ASCII text included, beside a gzip file equal to the whole text compressed at once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lac-downloads-'));
  try {
    const json = Array.from({ length: 60_000 }, (_, i) => `{"seat":${i},"person":"Zoë ${i % 97}"},\n`);
    // More than the writer's 4 MB batch: written in several writes.
    const big = Array.from({ length: 120_000 }, (_, i) => `row ${i},Ñúñez,€${i}\r\n`);
    const small = Array.from({ length: 40 }, (_, i) => ({ path: `csv/t${i}.csv`, body: () => `\uFEFFa,b\r\n${i},é\r\n` }));
    const n = await writeDownloads([...small.slice(0, 20), { path: 'data.json.gz', body: () => json }, { path: 'csv/big.csv', body: () => big }, ...small.slice(20)], dir);
    expect(n).toBe(42);
    expect(readFileSync(join(dir, 'data.json.gz'))).toEqual(gzipSync(Buffer.from(json.join(''))));
    expect(readFileSync(join(dir, 'csv/big.csv'), 'utf8')).toBe(big.join(''));
    for (let i = 0; i < 40; i++) expect(readFileSync(join(dir, `csv/t${i}.csv`), 'utf8')).toBe(`\uFEFFa,b\r\n${i},é\r\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a failure to write the compressed file fails the call', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lac-downloads-'));
  try {
    const broken = { path: 'data.json.gz', body: (): Iterable<string> => ({ *[Symbol.iterator]() { yield '{'; throw new Error('the data broke'); } }) };
    await expect(writeDownloads([broken, { path: 'a.csv', body: () => 'x\r\n' }], dir)).rejects.toThrow('the data broke');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
