// Issue 16: `history` reads each commit's patch and follows people and assignments files record by
// record; its events must be exactly those of the algorithm before it (every record of every changed
// file compared, tests/history/legacy-history.ts), on random repositories with many kinds of change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachApprovals } from '../../src/history/approvals.ts';
import { history, type HistoryOptions } from '../../src/history/history.ts';
import { history as legacyHistory } from './legacy-history.ts';
import { randomRepo } from './random-repo.ts';

const SEEDS = [1, 2, 3];
const COMMITS = 50;

const repos = new Map<number, ReturnType<typeof randomRepo>>();
beforeAll(() => {
  for (const seed of SEEDS) repos.set(seed, randomRepo(seed, COMMITS));
});
afterAll(() => {
  for (const r of repos.values()) r.cleanup();
});

async function both(dir: string, options: HistoryOptions) {
  const [now, before] = [await history(dir, options), await legacyHistory(dir, { ...options, diskCache: false })];
  await attachApprovals(dir, now.events, now.commits, { env: {}, repoUrl: 'https://github.com/acme/licenses', diskCache: false });
  await attachApprovals(dir, before.events, before.commits, { env: {}, repoUrl: 'https://github.com/acme/licenses', diskCache: false });
  return { now, before };
}

describe('history from patches gives the events of the whole-file comparison', () => {
  it.each(SEEDS)('random repository %i: every event, in order, with its commit, approval and commit record', async (seed) => {
    const { dir } = repos.get(seed)!;
    const { now, before } = await both(dir, { order: 'oldest', diskCache: false });
    expect(before.events.length).toBeGreaterThan(COMMITS);
    expect(now.events).toEqual(before.events);
    expect(now.commits).toEqual(before.commits);
  }, 60_000);

  it.each(SEEDS)('random repository %i: the same with the files of each commit compared one at a time (walk-batched.ts)', async (seed) => {
    const { dir } = repos.get(seed)!;
    const { now, before } = await both(dir, { order: 'oldest', diskCache: false, batchFiles: 1 });
    expect(now.stats.batched).toBeGreaterThan(1);
    expect(now.events).toEqual(before.events);
  }, 60_000);

  it.each(SEEDS)('random repository %i: the same from a warm cache, newest first', async (seed) => {
    const { dir } = repos.get(seed)!;
    await history(dir, {});
    const { now, before } = await both(dir, {});
    expect(now.stats).toMatchObject({ parsed: 0, read: 0 });
    expect(now.events).toEqual(before.events);
    for (const options of [{ license: 'figma' }, { person: 'p3', since: '2026-01-02' }] as HistoryOptions[]) {
      const filtered = await both(dir, options);
      expect(filtered.now.stats).toMatchObject({ parsed: 0, read: 0 });
      expect(filtered.now.events).toEqual(filtered.before.events);
    }
  }, 120_000);

  it.each(SEEDS)('random repository %i: the same for --since, --license and --person', async (seed) => {
    const { dir } = repos.get(seed)!;
    for (const options of [{ since: '2026-01-02' }, { license: 'figma' }, { person: 'p3' }, { until: '2026-01-02', license: 'zoom' }] as HistoryOptions[]) {
      const { now, before } = await both(dir, { ...options, diskCache: false });
      expect(now.events).toEqual(before.events);
    }
  }, 120_000);

  it('covers the kinds of change it claims to', async () => {
    const types = new Set<string>();
    for (const { dir } of repos.values()) for (const e of (await history(dir, { diskCache: false })).events) types.add(e.type);
    expect([...types].sort()).toEqual(expect.arrayContaining(['file.unreadable', 'person.changed', 'person.joined', 'person.left', 'person.removed', 'seat.assigned', 'seat.changed', 'seat.removed', 'seat.tier-changed', 'usage.snapshot', 'vendor.changed']));
  }, 60_000);
});
