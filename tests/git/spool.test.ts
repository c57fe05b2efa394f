// git's output spooled to a private temporary file (GitOptions.spool): lac diff's small files arrive while its
// thread parses the changed ones, git never waiting on a full pipe. The output is the pipe's, and no file stays.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { git, GitError } from '../../src/git/run.ts';

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
  test('is byte for byte the piped output, read after git exits while this thread was busy; the file is removed', async () => {
    const input = `${oids.join('\n')}\n`;
    const piped = await git(repo, ['cat-file', '--batch'], input);
    const pending = git(repo, ['cat-file', '--batch'], input, { spool: true });
    // Busy for a while, as lac diff is while it parses: git is not held up by an unread pipe.
    const until = Date.now() + 300;
    while (Date.now() < until);
    const spooled = await pending;
    expect(spooled.length).toBeGreaterThan(600_000);
    expect(spooled.equals(piped)).toBe(true);
    expect(spools()).toEqual([]);
  });

  test('a failing command rejects with what git said, and leaves no file', async () => {
    const e = await git(repo, ['cat-file', 'blob', 'no-such-revision'], undefined, { spool: true }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(GitError);
    expect((e as GitError).stderr).toMatch(/no-such-revision|Not a valid object name/);
    expect(spools()).toEqual([]);
  });
});
