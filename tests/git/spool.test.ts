// git's output spooled to a private temporary file (git/spool.ts): lac diff's small files arrive while its
// thread parses the changed ones, git never waiting on a full pipe. The output is the pipe's, and no file stays.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { git, GitError } from '../../src/git/run.ts';
import { objectSlices } from '../../src/git/object-slices.ts';
import { gitSpooled, readAt, readWhole } from '../../src/git/spool.ts';
import { readObjects } from '../../src/history/git.ts';

const tmp = mkdtempSync(join(tmpdir(), 'lac-spool-'));
const repo = join(tmp, 'repo');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A repository of 300 files of 2 KB each (600 KB of blobs: more than a pipe holds) and their object IDs. */
function repository(): string[] {
  execFileSync('git', ['init', '-q', repo]);
  for (let i = 0; i < 300; i++) writeFileSync(join(repo, `f${i}.yaml`), `n: ${i}\n${'x'.repeat(2000)}\n`);
  execFileSync('git', ['add', '.'], { cwd: repo });
  return execFileSync('git', ['ls-files', '-s'], { cwd: repo, encoding: 'utf8' }).trim().split('\n').map((l) => l.split(/\s+/)[1]!);
}
const oids = repository();
const spools = () => readdirSync(tmpdir()).filter((f) => f.startsWith(`lac-git-${process.pid}-`));

describe('git output spooled to a file', () => {
  test('is byte for byte the piped output, read after git exits while this thread was busy; the file is gone from the start', async () => {
    const input = `${oids.join('\n')}\n`;
    const piped = await git(repo, ['cat-file', '--batch'], input);
    const pending = gitSpooled(repo, ['cat-file', '--batch'], input);
    // The name is removed as soon as git has the file open: nothing is left whatever happens to either process.
    expect(spools()).toEqual([]);
    // Busy for a while, as lac diff is while it parses: git is not held up by an unread pipe.
    const until = Date.now() + 300;
    while (Date.now() < until);
    const spooled = readWhole(await pending);
    expect(spooled.length).toBeGreaterThan(600_000);
    expect(spooled.equals(piped)).toBe(true);
    expect(spools()).toEqual([]);
  });

  test('a failing command rejects with what git said, and leaves no file', async () => {
    const e = await gitSpooled(repo, ['cat-file', 'blob', 'no-such-revision']).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(GitError);
    expect((e as GitError).stderr).toMatch(/no-such-revision|Not a valid object name/);
    expect(spools()).toEqual([]);
  });
});

describe('objects left where git spooled them', () => {
  test('reads each object whole or in part from the file, as readObjects reads it; a missing one rejects', async () => {
    const slices = objectSlices(repo);
    try {
      const missing = 'f'.repeat(40);
      const asked = [oids[7]!, missing, oids[0]!, oids[299]!];
      const got = await Promise.allSettled(asked.map((o) => slices.read(o)));
      const objects = await readObjects(repo, oids);
      expect(got[1]!.status).toBe('rejected');
      for (const i of [0, 2, 3]) {
        const slice = (got[i] as PromiseFulfilledResult<Awaited<ReturnType<typeof slices.read>>>).value;
        const data = objects.get(asked[i]!)!.data;
        expect(slice.size).toBe(data.length);
        const into = Buffer.alloc(slice.size + 5, 7);
        slice.readInto(into);
        expect(into.subarray(0, slice.size).equals(data)).toBe(true);
        expect(into.subarray(slice.size).every((b) => b === 7)).toBe(true);
        expect(slice.range(3, 17).equals(data.subarray(3, 17))).toBe(true);
      }
    } finally {
      slices.close();
    }
  });

  test('keeps no file by name, and close ends its reads', async () => {
    const slices = objectSlices(repo);
    const slice = await slices.read(oids[1]!);
    expect(spools()).toEqual([]);
    slices.close();
    expect(() => slice.range(0, 10)).toThrow(/EBADF|bad file descriptor/i);
  });
});

describe('readAt', () => {
  test('reads any span into any place, short reads directly and long ones through its 256 KB buffer, byte for byte', () => {
    const K = 256 * 1024;
    const data = randomBytes(3 * K + 123);
    const file = join(tmp, 'random.bin');
    writeFileSync(file, data);
    const fd = openSync(file, 'r');
    try {
      // Lengths below, at and across the buffer's size; positions that are not multiples of anything.
      for (const [position, length] of [[0, 10], [5, K - 1], [7, K], [11, K + 1], [3, 2 * K + 17], [0, data.length], [K - 3, 2 * K + 100]] as const) {
        const into = Buffer.alloc(length + 9, 0xee);
        readAt(fd, into, 4, length, position);
        expect(into.subarray(4, 4 + length).equals(data.subarray(position, position + length))).toBe(true);
        // Nothing around the span is written.
        expect(into.subarray(0, 4).every((b) => b === 0xee) && into.subarray(4 + length).every((b) => b === 0xee)).toBe(true);
      }
      // A file shorter than asked: an error that says where it ended, for a long read as for a short one.
      expect(() => readAt(fd, Buffer.alloc(2 * K), 0, 2 * K, data.length - K)).toThrow(`ended at byte ${data.length}`);
      expect(() => readAt(fd, Buffer.alloc(100), 0, 100, data.length - 10)).toThrow(`ended at byte ${data.length}`);
    } finally {
      closeSync(fd);
    }
  });
});
