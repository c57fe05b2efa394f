// Issue 16: a commit of many files (an initial import) is compared a few files at a time, so that its parsed
// records are not all held at once. Its events must be those of the commit compared at once (the default walk
// of a small commit) and of the algorithm before the patch walk (legacy-history.ts), in the same order; a
// commit where two files can hold the same record is compared at once, its walk state untouched by the try.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { history } from '../../src/history/history.ts';
import { tempRepo, type TestRepo } from '../support/git.ts';
import { CONTRACT, files, LICENSE, SEATS } from '../support/inventory.ts';
import { history as legacyHistory } from './legacy-history.ts';

const seats = (license: string, people: string[]) => `license: ${license}\nseats:\n${people.map((p, i) => `  - { person: ${p}, tier: full, since: 2026-01-0${(i % 9) + 1} }\n`).join('')}`;

let repo: TestRepo;
const commits: Record<string, string> = {};
beforeAll(() => {
  repo = tempRepo();
  const at = (day: number) => ({ date: `2026-02-${String(day).padStart(2, '0')}T09:00:00Z` });
  // 1. An initial import: many files, each its own records.
  commits.initial = repo.commit(files({
    'inventory/licenses/slack.yaml': LICENSE.replace('id: figma', 'id: slack'),
    'inventory/licenses/zoom.yaml': LICENSE.replace('id: figma', 'id: zoom'),
    'inventory/assignments/slack.yaml': seats('slack', ['ada', 'bob', 'cy']),
    'inventory/assignments/zoom.yaml': seats('zoom', ['bob']),
  }), { message: 'Initial inventory', ...at(1) });
  // 2. A rename: the old and the new file hold the same seats (one record in two files).
  commits.rename = repo.commit({ 'inventory/assignments/zoom.yaml': null, 'inventory/assignments/zoom-2.yaml': seats('zoom', ['bob', 'ada']), 'inventory/contracts/figma-2026.yaml': CONTRACT.replace('quantity: 2,', 'quantity: 3,') }, { message: 'Rename zoom seats', ...at(2) });
  // 3. A followed file whose patch changes its header (compared whole), beside files compared whole and a followed one.
  commits.header = repo.commit({
    'inventory/assignments/slack.yaml': seats('slack', ['ada', 'bob', 'cy']).replace('license: slack', 'license: slack\nowner: ada').replace('person: cy, tier: full', 'person: cy, tier: viewer'),
    'inventory/assignments/figma.yaml': SEATS.replace('person: bob, tier: viewer', 'person: bob, tier: full'),
    'inventory/licenses/zoom.yaml': LICENSE.replace('id: figma', 'id: zoom').replace('name: Figma', 'name: Zoom'),
    'inventory/vendors/zoom.yaml': 'id: zoom\nname: Zoom\n',
  }, { message: 'Edits across files', ...at(3) });
  // 4. A file that stops parsing, beside others.
  commits.broken = repo.commit({
    'inventory/assignments/zoom-2.yaml': 'license: zoom\nseats:\n  - { person: broken\n',
    'inventory/vendors/slack.yaml': 'id: slack\nname: Slack\n',
    'inventory/contracts/figma-2026.yaml': CONTRACT,
  }, { message: 'Break the zoom seats', ...at(4) });
  // 5. The broken file parses again; a followed file's header names another file's license (the patch does not apply).
  commits.mended = repo.commit({
    'inventory/assignments/zoom-2.yaml': seats('zoom', ['ada']),
    'inventory/assignments/slack.yaml': seats('figma', ['ada', 'bob', 'cy']).replace('license: figma', 'license: figma\nowner: ada'),
    'inventory/assignments/figma.yaml': SEATS.replace('person: ada, tier: full', 'person: ada, tier: viewer'),
    'inventory/vendors/slack.yaml': 'id: slack\nname: Slack Technologies\n',
  }, { message: 'Mend the zoom seats', ...at(5) });
});
afterAll(() => repo.cleanup());

describe('a commit of many files, compared a few at a time', () => {
  it('gives the events of the commit compared at once, in order, for every kind of commit', async () => {
    const batched = await history(repo.dir, { diskCache: false, batchFiles: 1, order: 'oldest' });
    const atOnce = await history(repo.dir, { diskCache: false, order: 'oldest' });
    const legacy = await legacyHistory(repo.dir, { diskCache: false, order: 'oldest' });
    expect(atOnce.stats.batched).toBe(0);
    expect(atOnce.events).toEqual(legacy.events);
    expect(batched.events).toEqual(atOnce.events);
    expect(batched.events).toEqual(legacy.events);
    // The rename (a record in two files) and the header that names figma's license are compared at once.
    expect(batched.stats.batched).toBe(3);
    const types = (sha: string) => batched.events.filter((e) => e.commit === sha).map((e) => `${e.type} ${e.file}`);
    expect(types(commits.initial!)).toContain('seat.assigned inventory/assignments/zoom.yaml');
    expect(types(commits.broken!)[0]).toBe('file.unreadable inventory/assignments/zoom-2.yaml');
    expect(types(commits.header!)).toEqual(expect.arrayContaining(['seat.tier-changed inventory/assignments/figma.yaml', 'seat.tier-changed inventory/assignments/slack.yaml', 'vendor.created inventory/vendors/zoom.yaml']));
  });

  it('gives the same events from --since (the look-back for a file broken before it) and into the cache', async () => {
    for (const batchFiles of [1, 2]) {
      const since = await history(repo.dir, { diskCache: false, batchFiles, since: '2026-02-05' });
      expect(since.events).toEqual((await legacyHistory(repo.dir, { diskCache: false, since: '2026-02-05' })).events);
      expect(since.events.length).toBeGreaterThan(0);
    }
    const cold = await history(repo.dir, { batchFiles: 1, cacheVersion: 'walk-batched-test' });
    const warm = await history(repo.dir, { cacheVersion: 'walk-batched-test' });
    expect(warm.stats).toMatchObject({ parsed: 0, batched: 0 });
    expect(warm.events).toEqual(cold.events);
  });
});
