// Issue 12: the parse cache under .git/lac-cache trusts nothing it reads. A cache file that is
// not this lac's entry for that blob is a miss, and `lac history` prints what a cold run prints.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../../src/cli/version.ts';
import { history } from '../../src/history/history.ts';
import { lac } from '../support/cli.ts';
import { buildFixture, type Fixture } from './fixture.ts';

let f: Fixture;
let cold: string;
beforeAll(async () => {
  f = buildFixture();
  const r = await lac(['history', '--no-cache', '--format', 'json', '--root', f.repo.dir]);
  expect(r.code).toBe(0);
  cold = r.stdout;
});
afterAll(() => f.repo.cleanup());

/** Every cache file, by path; written by a warm-up run when there are none. */
async function cacheFiles(): Promise<string[]> {
  await history(f.repo.dir);
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else out.push(join(dir, e.name));
    }
  };
  walk(join(f.repo.dir, '.git', 'lac-cache'));
  return out.sort();
}

const entry = (file: string) => JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as Record<string, unknown>;

// Each replaces every cache file's content; `others` are the other cache files (for a foreign entry).
const corruptions: [string, (file: string, others: string[]) => Buffer][] = [
  ['gzipped {}', () => gzipSync('{}')],
  ['gzipped []', () => gzipSync('[]')],
  ['gzipped null', () => gzipSync('null')],
  ['{} not gzipped', () => Buffer.from('{}')],
  ['garbage bytes', () => Buffer.from([0x1f, 0x8b, 0xff, 0x00, 0x42, 0x13])],
  ['truncated', (file) => readFileSync(file).subarray(0, 20)],
  ['another lac version', (file) => gzipSync(JSON.stringify({ ...entry(file), lac: `${VERSION}-other` }))],
  ['no version', (file) => gzipSync(JSON.stringify({ ...entry(file), lac: undefined }))],
  ['another blob\'s entry', (file, others) => readFileSync(others.find((o) => o !== file)!)],
  ['the right header with empty data', (file) => gzipSync(JSON.stringify({ ...entry(file), data: [] }))],
  ['data a string', (file) => gzipSync(JSON.stringify({ ...entry(file), data: 'x' }))],
  ['an extra key', (file) => gzipSync(JSON.stringify({ ...entry(file), extra: 1 }))],
];

describe('the history parse cache', () => {
  it('gives the cold run\'s output when it is warm and sound', async () => {
    await cacheFiles();
    const r = await lac(['history', '--format', 'json', '--root', f.repo.dir]);
    expect(r.stdout).toBe(cold);
    expect((await history(f.repo.dir)).stats).toMatchObject({ parsed: 0, diskHits: 13 });
  });

  it.each(corruptions)('treats %s as a miss: byte-identical output, and the entry is written again', async (_, corrupt) => {
    const files = await cacheFiles();
    expect(files.length).toBe(13);
    const replaced = files.map((file) => corrupt(file, files));
    files.forEach((file, i) => writeFileSync(file, replaced[i]!));
    const r = await lac(['history', '--format', 'json', '--root', f.repo.dir]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout).toBe(cold);
    // The misses were written again: the next run reads every blob from the cache.
    expect((await history(f.repo.dir)).stats).toMatchObject({ parsed: 0, diskHits: 13 });
  });

  it('prints text and csv as a cold run does after the cache is replaced by {}', async () => {
    for (const format of ['text', 'csv']) {
      const coldRun = await lac(['history', '--no-cache', '--format', format, '--root', f.repo.dir]);
      for (const file of await cacheFiles()) writeFileSync(file, gzipSync('{}'));
      expect((await lac(['history', '--format', format, '--root', f.repo.dir])).stdout).toBe(coldRun.stdout);
    }
  });
});
