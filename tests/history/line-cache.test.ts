// Issue 16: a warm `lac history` of a ref whose line is known starts no `git log` (0.6-0.9 s of git's
// time at 10,000 commits). The line of a commit is kept under .git/lac-cache/history-lines/, keyed by
// the commit, lac's version and the folder; anything else there is a miss, never a different output.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../../src/cli/version.ts';
import { history } from '../../src/history/history.ts';
import { lineCache } from '../../src/history/line-cache.ts';
import { buildFixture, type Fixture } from './fixture.ts';

let f: Fixture;
let cold: Awaited<ReturnType<typeof history>>['events'];
const traceDir = mkdtempSync(join(tmpdir(), 'lac-line-cache-'));
beforeAll(async () => {
  f = buildFixture();
  cold = (await history(f.repo.dir, { diskCache: false })).events;
});
afterAll(() => {
  f.repo.cleanup();
  rmSync(traceDir, { recursive: true, force: true });
});
afterEach(() => {
  delete process.env.GIT_TRACE;
});

const lines = () => join(f.repo.dir, '.git', 'lac-cache', 'history-lines', encodeURIComponent(VERSION));
const lineFile = () => {
  const names = readdirSync(lines());
  expect(names).toHaveLength(1);
  return join(lines(), names[0]!);
};

let traces = 0;
/** history() with git's own trace on: its events, and the git commands it ran. */
async function traced(): Promise<{ events: typeof cold; commands: string[] }> {
  const file = join(traceDir, `trace-${++traces}`);
  process.env.GIT_TRACE = file;
  const { events } = await history(f.repo.dir);
  delete process.env.GIT_TRACE;
  const commands = readFileSync(file, 'utf8').split('\n').flatMap((l) => /trace: built-in: git (\S+)/.exec(l)?.[1] ?? []);
  return { events, commands };
}

describe('the first-parent line cache of lac history', () => {
  it('lists the line with git the first time, and not when it is warm: the same events', async () => {
    rmSync(join(f.repo.dir, '.git', 'lac-cache'), { recursive: true, force: true });
    const first = await traced();
    expect(first.commands).toContain('log');
    expect(first.events).toEqual(cold);
    const warm = await traced();
    expect(warm.commands).not.toContain('log');
    expect(warm.events).toEqual(cold);
    const kept = JSON.parse(readFileSync(lineFile(), 'utf8')) as { ref: string; prefix: string; commits: [string, number][] };
    expect(kept.ref).toBe(f.shas.usage);
    expect(kept.prefix).toBe('');
    // Oldest first; the README-only commit did not change inventory/ and is not on the list.
    expect(kept.commits.map(([sha]) => sha)).toEqual([f.shas.initial, f.shas.dee, f.shas.upgrade, f.shas.leaver, f.shas.renewal, f.shas.usage]);
  });

  it('lists again when a commit of the line has no cached events', async () => {
    await traced();
    rmSync(join(f.repo.dir, '.git', 'lac-cache', 'history'), { recursive: true, force: true });
    const r = await traced();
    expect(r.commands).toContain('log');
    expect(r.events).toEqual(cold);
    expect((await traced()).commands).not.toContain('log');
  });

  it.each([
    ['{}', () => '{}'],
    ['garbage bytes', () => '\u0000\u001f\u008b{'],
    ['a torn file', (t: string) => t.slice(0, 60)],
    ['another ref', (t: string) => t.replace(f.shas.usage, f.shas.renewal)],
    ['another lac version', (t: string) => t.replace(`"lac":${JSON.stringify(VERSION)}`, '"lac":"0.0.0-other"')],
    ['another format', (t: string) => t.replace('lac-history-line/v1', 'lac-history-line/v0')],
    ['another folder', (t: string) => t.replace('"prefix":""', '"prefix":"sub/"')],
    ['a commit that is not an id', (t: string) => t.replace(f.shas.dee, 'HEAD~3')],
    ['a time that is not a whole number', (t: string) => t.replace(/,(\d+)\]/, ',"$1"]')],
  ])('treats %s as a miss: git lists the line, the events are the same, the file is written again', async (_, corrupt) => {
    await traced();
    const file = lineFile();
    writeFileSync(file, corrupt(readFileSync(file, 'utf8')));
    const r = await traced();
    expect(r.commands).toContain('log');
    expect(r.events).toEqual(cold);
    expect((await traced()).commands).not.toContain('log');
  });

  it('lists again after a new commit, and keeps the new ref\'s line only', async () => {
    const repo = buildFixture().repo;
    try {
      await history(repo.dir);
      const next = repo.commit({ 'inventory/vendors/figma.yaml': 'id: figma\nname: Figma Ltd\n' }, { message: 'Rename the vendor', date: '2027-01-02T09:00:00Z' });
      const after = await history(repo.dir, { order: 'oldest' });
      expect(after.events.at(-1)).toMatchObject({ type: 'vendor.changed', commit: next });
      expect(after.events).toEqual((await history(repo.dir, { order: 'oldest', diskCache: false })).events);
      const dir = join(repo.dir, '.git', 'lac-cache', 'history-lines', encodeURIComponent(VERSION));
      expect(readdirSync(dir)).toHaveLength(1);
      expect(JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]!), 'utf8'))).toMatchObject({ ref: next });
    } finally {
      repo.cleanup();
    }
  });

  it('keeps one line for each folder lac runs in, and gives none for another folder', async () => {
    const dir = mkdtempSync(join(traceDir, 'cache-'));
    const top = lineCache(dir, '1.0.0', '');
    const sub = lineCache(dir, '1.0.0', 'licenses/');
    const ref = 'a'.repeat(40);
    await top.write(ref, [{ sha: 'b'.repeat(40), time: 1, changes: [] }]);
    expect(await top.read(ref)).toEqual([{ sha: 'b'.repeat(40), time: 1 }]);
    expect(await sub.read(ref)).toBeUndefined();
    await sub.write(ref, []);
    expect(await sub.read(ref)).toEqual([]);
    expect(await top.read(ref)).toEqual([{ sha: 'b'.repeat(40), time: 1 }]);
    expect(await lineCache(dir, '2.0.0', '').read(ref)).toBeUndefined();
    expect(await lineCache(undefined, '1.0.0', '').read(ref)).toBeUndefined();
  });
});
