import { afterEach, describe, expect, it } from 'vitest';
import { diffInThread, prestartDiffThread } from '../../src/cli/actions/diff-thread.ts';
import { computeDiff, type DiffRequest } from '../../src/cli/actions/diff-compute.ts';
import { failureReply, replyError } from '../../src/cli/actions/diff-reply.ts';
import { UserError } from '../../src/cli/errors.ts';
import { ReadRefused } from '../../src/util/fs/read-bounded.ts';
import { lacProcess } from '../support/cli.ts';
import { committedChange } from '../support/diff-repo.ts';
import type { TestRepo } from '../support/git.ts';

const repos: TestRepo[] = [];
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()));

describe('lac diff in its worker thread (diff-thread.ts)', () => {
  it('computes in a worker thread, and reads the large unchanged files in the main one, as the installed command runs', () => {
    const repo = committedChange(repos);
    const r = lacProcess(['diff', 'main', 'change', '--root', repo.dir, '--today', '2026-03-10'], { env: { LAC_DIFF_TRACE: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('main → change');
    const steps = r.stderr.split('\n').filter((l) => l.startsWith('lac-diff-trace'));
    const start = steps.find((l) => l.endsWith('diff starts'));
    expect(start).toBeDefined();
    // The thread column: "main" for the main thread, "w<n>" for a worker.
    expect(start).toMatch(/ ms w\d+ +cpu /);
    // The main thread only serves the diff's reads of people.yaml (diff/read-server.ts): no third thread is started.
    expect(steps.filter((l) => / ms main +cpu /.test(l)).map((l) => l.replace(/^.*  /, ''))).toEqual(['people.yaml indexed']);
    expect(steps.filter((l) => l.endsWith('worker spawn') || l.endsWith('worker loaded'))).toEqual([]);
    expect(new Set(steps.filter((l) => !l.endsWith('indexed')).map((l) => / ms (\S+) +cpu /.exec(l)?.[1]))).toEqual(new Set([/ ms (\S+) +cpu /.exec(start!)![1]]));
  });

  it('gives the same output as computing in this thread, and the pull request markdown when asked', async () => {
    const repo = committedChange(repos);
    const request: DiffRequest = { root: repo.dir, base: 'main', head: 'change', today: '2026-03-10', format: 'json', markdown: true };
    const [there, here] = [await diffInThread(request), await computeDiff(request)];
    expect(there).toEqual(here);
    expect(JSON.parse(there.text).events.length).toBeGreaterThan(0);
    expect(there.markdown).toContain('viewer → full');
    expect((await diffInThread({ ...request, markdown: false })).markdown).toBeUndefined();
  });

  it('brings a mistake back as a UserError with its hint, and an internal error with the worker stack', async () => {
    const repo = committedChange(repos);
    const bad = diffInThread({ root: repo.dir, base: 'nope', format: 'text', markdown: false });
    await expect(bad).rejects.toBeInstanceOf(UserError);
    await expect(bad).rejects.toMatchObject({ message: expect.stringContaining('unknown revision "nope"'), hint: expect.stringContaining('git log') });
    // A root that is not a string is no user's input: the error is a bug, reported with where it happened.
    const bug = diffInThread({ root: 42 as unknown as string, base: 'main', format: 'text', markdown: false });
    await expect(bug).rejects.not.toBeInstanceOf(UserError);
    await expect(bug).rejects.toMatchObject({ stack: expect.stringMatching(/\n\s+at /) });
  });

  it('uses the thread started before the command line is read, which keeps no other command waiting', () => {
    const repo = committedChange(repos);
    // `lac diff` starts its thread first (main.ts); --help and a bad option end the command before it is used.
    const help = lacProcess(['diff', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: lac diff');
    const bad = lacProcess(['diff', 'main', '--root', repo.dir, '--today', 'someday']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('lac: --today someday is not a calendar date\n  hint: write it as YYYY-MM-DD, e.g. --today 2026-03-31\n');
    // spawnSync's limit (60 s) was not what ended them.
    expect([help.code, bad.code]).not.toContain(-1);
  });

  it('answers two diffs in one process, the first in the early thread and the second in a new one', async () => {
    const repo = committedChange(repos);
    prestartDiffThread();
    const request: DiffRequest = { root: repo.dir, base: 'main', head: 'change', today: '2026-03-10', format: 'text', markdown: false };
    const [first, second] = await Promise.all([diffInThread(request), diffInThread(request)]);
    expect(first.text.split('\n')[0]).toBe('main → change');
    expect(second).toEqual(first);
  });

  it('brings a refused file back as the same ReadRefused, path and all, across the thread (as a message is copied)', () => {
    const refused = Object.assign(new ReadRefused('file-too-large', 'the file is 80 MB, above the 64 MB lac reads', 'split it'), { path: 'inventory/people.yaml' });
    const back = replyError(structuredClone(failureReply(refused)) as Parameters<typeof replyError>[0]);
    expect(back).toBeInstanceOf(ReadRefused);
    expect(back).toMatchObject({ rule: 'file-too-large', message: refused.message, hint: 'split it', path: 'inventory/people.yaml' });
    const user = replyError(structuredClone(failureReply(new UserError('no such thing', 'try another'))) as Parameters<typeof replyError>[0]);
    expect(user).toBeInstanceOf(UserError);
    expect(user).toMatchObject({ message: 'no such thing', hint: 'try another' });
  });
});
