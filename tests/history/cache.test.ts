// Issues 12 and 16: the events cached under .git/lac-cache/history/ are keyed by commit and lac's
// version, and trusted for nothing else. A pack that is not this lac's, or an entry that is not a
// commit's, is a miss: the commits are computed again, the pack rewritten, and `lac history`
// prints what a cold run prints.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../../src/cli/version.ts';
import { packText } from '../../src/history/event-cache.ts';
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

const folder = (version = VERSION) => join(f.repo.dir, '.git', 'lac-cache', 'history', encodeURIComponent(version));

/** The pack files of this version, written by a fresh run when asked. */
async function packs(fresh = true): Promise<string[]> {
  if (fresh) {
    rmSync(join(f.repo.dir, '.git', 'lac-cache'), { recursive: true, force: true });
    await history(f.repo.dir);
  }
  return readdirSync(folder()).map((n) => join(folder(), n));
}

type Pack = { format: string; lac: string; commits: { commit: string; info: Record<string, unknown>; drafts: Record<string, unknown>[] }[] };
const pack = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Pack;
const withEntries = (p: Pack, change: (e: Pack['commits'][number]) => unknown) => JSON.stringify({ ...p, commits: p.commits.map(change) });

// Each replaces the pack's content.
const corruptions: [string, (file: string) => string][] = [
  ['{}', () => '{}'],
  ['[]', () => '[]'],
  ['null', () => 'null'],
  ['garbage bytes', () => '\u0000\u001f\u008b{'],
  ['a torn file', (file) => readFileSync(file, 'utf8').slice(0, 200)],
  ['another lac version', (file) => JSON.stringify({ ...pack(file), lac: `${VERSION}-other` })],
  ['no version', (file) => JSON.stringify({ ...pack(file), lac: undefined })],
  ['another format', (file) => JSON.stringify({ ...pack(file), format: 'lac-history-events/v0' })],
  ['entries under other commits', (file) => withEntries(pack(file), (e) => ({ ...e, commit: e.commit.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) }))],
  ['a commit record of another commit', (file) => withEntries(pack(file), (e) => ({ ...e, info: { ...e.info, sha: '0'.repeat(40) } }))],
  ['events of an unknown type', (file) => withEntries(pack(file), (e) => ({ ...e, drafts: e.drafts.map((d) => ({ ...d, type: 'seat.stolen' })) }))],
  ['events without details', (file) => withEntries(pack(file), (e) => ({ ...e, drafts: e.drafts.map((d) => ({ ...d, details: 'x' })) }))],
  ['drafts not a list', (file) => withEntries(pack(file), (e) => ({ ...e, drafts: {} }))],
];

describe('the history event cache', () => {
  it('gives the cold run\'s output when it is warm and sound, computing nothing', async () => {
    expect(await packs()).toHaveLength(1);
    const r = await lac(['history', '--format', 'json', '--root', f.repo.dir]);
    expect(r.stdout).toBe(cold);
    expect((await history(f.repo.dir)).stats).toMatchObject({ parsed: 0, read: 0, commits: 6 });
  });

  it('writes the pack part by part, the same text as JSON.stringify of the whole, with a draft list longer than a part', () => {
    const [file] = readdirSync(folder()).map((n) => join(folder(), n));
    const p = pack(file!);
    expect(p.commits.length).toBeGreaterThan(1);
    expect(readFileSync(file!, 'utf8')).toBe(`${JSON.stringify(p)}\n`);
    // 25,001 drafts: three parts, the last of one draft; an empty draft list; info with text JSON must escape.
    const drafts = Array.from({ length: 25_001 }, (_, i) => ({ type: 'seat.assigned', license: 'slack', person: `p${i}`, details: { tier: 'full', note: i % 7 ? undefined : 'a "quoted"\nnote' }, file: 'inventory/assignments/slack.yaml' }));
    const entries = [{ ...p.commits[0]!, drafts }, { ...p.commits[1]!, info: { ...p.commits[1]!.info, message: 'Ünïcode \u2028 and "quotes"' }, drafts: [] }] as unknown as Parameters<typeof packText>[1];
    const parts = [...packText('9.9.9', entries)];
    expect(parts.length).toBeGreaterThan(6);
    expect(parts.join('')).toBe(`${JSON.stringify({ format: p.format, lac: '9.9.9', commits: entries })}\n`);
  });

  it('is keyed by lac\'s version: another version computes again and keeps its own pack', async () => {
    await packs();
    const other = await history(f.repo.dir, { cacheVersion: '9.9.9' });
    expect(other.stats.parsed).toBeGreaterThan(0);
    expect(readdirSync(folder('9.9.9'))).toHaveLength(1);
    expect((await history(f.repo.dir, { cacheVersion: '9.9.9' })).stats).toMatchObject({ parsed: 0, read: 0 });
    expect((await history(f.repo.dir)).stats).toMatchObject({ parsed: 0, read: 0 });
  });

  it('is keyed by commit: a new commit on top is computed alone, the older ones come from the cache', async () => {
    const repo = buildFixture().repo;
    try {
      await history(repo.dir);
      repo.commit({ 'inventory/vendors/figma.yaml': 'id: figma\nname: Figma Ltd\n' }, { message: 'Rename the vendor', date: '2027-01-02T09:00:00Z' });
      const next = await history(repo.dir, { order: 'oldest' });
      expect(next.stats).toMatchObject({ parsed: 2, commits: 7 });
      expect(next.events.at(-1)).toMatchObject({ type: 'vendor.changed', details: { field: 'name', from: 'Figma, Inc.', to: 'Figma Ltd' } });
      expect(next.events).toEqual((await history(repo.dir, { order: 'oldest', diskCache: false })).events);
      expect((await history(repo.dir)).stats).toMatchObject({ parsed: 0, read: 0 });
    } finally {
      repo.cleanup();
    }
  });

  it.each(corruptions)('treats %s as a miss: byte-identical output, and the pack is written again', async (_, corrupt) => {
    const [file] = await packs();
    writeFileSync(file!, corrupt(file!));
    const r = await lac(['history', '--format', 'json', '--root', f.repo.dir]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout).toBe(cold);
    // The pack was written again: the next run computes nothing.
    expect(await packs(false)).toEqual([file]);
    expect((await history(f.repo.dir)).stats).toMatchObject({ parsed: 0, read: 0 });
  });

  it('prints text and csv as a cold run does after the pack is replaced by {}', async () => {
    for (const format of ['text', 'csv']) {
      const coldRun = await lac(['history', '--no-cache', '--format', format, '--root', f.repo.dir]);
      for (const file of await packs()) writeFileSync(file, '{}');
      expect((await lac(['history', '--format', format, '--root', f.repo.dir])).stdout).toBe(coldRun.stdout);
    }
  });
});
