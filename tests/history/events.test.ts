import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { history, type HistoryEvent } from '../../src/history/history.ts';
import { buildFixture, type Fixture } from './fixture.ts';

let f: Fixture;
beforeAll(() => {
  f = buildFixture();
});
afterAll(() => f.repo.cleanup());

/** `sha-name type subjects details #pr` lines: exact and readable. */
function lines(events: HistoryEvent[]): string[] {
  const names = new Map(Object.entries(f.shas).map(([k, v]) => [v, k]));
  return events.map((e) => {
    const subjects = (['license', 'person', 'device', 'contract', 'vendor'] as const).filter((k) => e[k]).map((k) => `${k}=${e[k]}`).join(' ');
    return `${names.get(e.commit)} ${e.type} ${subjects} ${JSON.stringify(e.details)}${e.pr ? ` #${e.pr}` : ''}`;
  });
}

const EXPECTED = [
  'initial seat.assigned license=figma person=ada {"tier":"full","since":"2026-01-05"}',
  'initial seat.assigned license=figma person=bob {"tier":"viewer","since":"2026-01-05"}',
  'initial contract.created license=figma contract=figma-2026 {"vendor":"figma","start":"2026-01-01","end":"2026-12-31","lines":[{"license":"figma","tier":"full","quantity":2,"unit_price":"540.00"},{"license":"figma","tier":"viewer","quantity":"unlimited","unit_price":"0"}]}',
  'initial license.created license=figma {"name":"Figma","vendor":"figma","type":"subscription"}',
  'initial org.created  {"name":"Test Co","currency":"EUR","timezone":"Europe/Berlin"}',
  'initial person.joined person=ada {"name":"Ada Lovelace","email":"ada@test.example","department":"eng","status":"active","start":"2020-01-01"}',
  'initial person.joined person=bob {"name":"Bob Byte","email":"bob@test.example","department":"sales","status":"active","start":"2021-06-01"}',
  'initial person.joined person=cy {"name":"Cy Leaver","email":"cy@test.example","department":"eng","status":"leaver","start":"2019-01-01"}',
  'initial vendor.created vendor=figma {"name":"Figma, Inc."}',
  'dee seat.assigned license=figma person=dee {"tier":"full","since":"2026-01-12"} #2',
  'dee person.joined person=dee {"name":"Dee Dev","email":"dee@test.example","department":"eng","status":"active","start":"2026-01-12"} #2',
  'upgrade seat.tier-changed license=figma person=bob {"from":"viewer","to":"full"} #3',
  'leaver seat.removed license=figma person=bob {"tier":"full","since":"2026-01-05"}',
  'leaver person.left person=bob {"from":"active","end":"2026-02-27"}',
  'renewal contract.renewed license=figma contract=figma-2026 {"from":{"start":"2026-01-01","end":"2026-12-31"},"to":{"start":"2027-01-01","end":"2027-12-31"}} #5',
  'renewal contract.changed license=figma contract=figma-2026 {"field":"lines[figma/full].quantity","from":2,"to":3} #5',
  'usage usage.snapshot license=figma {"source":"csv","taken":"2026-12-20T06:00:00Z","accounts":2,"previous":null}',
];

describe('history', () => {
  it('turns the first-parent log into semantic events, oldest first', async () => {
    const { events } = await history(f.repo.dir, { order: 'oldest', diskCache: false });
    expect(lines(events)).toEqual(EXPECTED);
  });

  it('gives each event its commit, author, date, pull request and signature', async () => {
    const { events } = await history(f.repo.dir, { order: 'oldest', diskCache: false });
    // A merged pull request: the merge commit, its author (who merged) and date, PR #2 from the merge message.
    expect(events.find((e) => e.type === 'person.joined' && e.person === 'dee')).toEqual({
      type: 'person.joined',
      person: 'dee',
      details: { name: 'Dee Dev', email: 'dee@test.example', department: 'eng', status: 'active', start: '2026-01-12' },
      file: 'inventory/people.yaml',
      commit: f.shas.dee,
      date: '2026-01-10T08:30:00Z',
      author: 'Ada Lovelace',
      email: 'ada@test.example',
      pr: 2,
      signed: false,
      committer: 'Ada Lovelace',
      committerEmail: 'ada@test.example',
    });
    const tier = events.find((e) => e.type === 'seat.tier-changed')!;
    expect([tier.author, tier.email, tier.pr, tier.date]).toEqual(['Bob Byte', 'bob@test.example', 3, '2026-02-01T10:00:00Z']);
    const usage = events.find((e) => e.type === 'usage.snapshot')!;
    expect([usage.author, usage.signed]).toEqual(['Dee Signer', true]);
    expect(events.filter((e) => e.signed)).toHaveLength(1);
  });

  it('is not thrown by user settings that change git log output', async () => {
    f.repo.git(['config', 'log.showSignature', 'true']);
    f.repo.git(['config', 'color.ui', 'always']);
    f.repo.git(['config', 'diff.renames', 'copies']);
    // The patch reader's -U0 hunks: no context merged between hunks, no other prefixes or algorithm tricks.
    const patchSettings = [['diff.interHunkContext', '10'], ['diff.noprefix', 'true'], ['diff.mnemonicPrefix', 'true'], ['diff.suppressBlankEmpty', 'true'], ['diff.algorithm', 'histogram'], ['diff.context', '5']];
    for (const [key, value] of patchSettings) f.repo.git(['config', key!, value!]);
    try {
      const { events } = await history(f.repo.dir, { order: 'oldest', diskCache: false });
      expect(lines(events)).toEqual(EXPECTED);
    } finally {
      for (const key of ['log.showSignature', 'color.ui', 'diff.renames', ...patchSettings.map(([k]) => k!)]) f.repo.git(['config', '--unset', key]);
    }
  });

  it('gives the same events when memory holds only the blobs of the commit at hand', async () => {
    const { inventoryParser } = await import('../../src/history/blobs.ts');
    const real = inventoryParser();
    const parsed: string[] = [];
    const parse = (path: string, bytes: Uint8Array) => {
      parsed.push(path);
      return real(path, bytes);
    };
    const { events } = await history(f.repo.dir, { order: 'oldest', diskCache: false, memoryBudget: 1, parse });
    expect(lines(events)).toEqual(EXPECTED);
    // People and assignments files are parsed whole once (the first commit), then followed by their
    // patches (issue 16); the contract before the renewal was dropped from memory and is parsed again.
    expect(parsed.filter((p) => p === 'inventory/people.yaml' || p === 'inventory/assignments/figma.yaml')).toEqual(['inventory/assignments/figma.yaml', 'inventory/people.yaml']);
    expect(parsed.filter((p) => p === 'inventory/contracts/figma-2026.yaml')).toHaveLength(3);
  });

  it('lists newest first by default, keeping the order within a commit', async () => {
    const { events } = await history(f.repo.dir, { diskCache: false });
    const byCommit = (list: string[]) => [...new Set(list.map((l) => l.split(' ')[0]!))].map((c) => list.filter((l) => l.startsWith(`${c} `)));
    expect(byCommit(lines(events))).toEqual(byCommit(EXPECTED).reverse());
  });

  it('filters by license and by person', async () => {
    const bob = await history(f.repo.dir, { order: 'oldest', person: 'bob', diskCache: false });
    expect(bob.events.map((e) => e.type)).toEqual(['seat.assigned', 'person.joined', 'seat.tier-changed', 'seat.removed', 'person.left']);
    const figma = await history(f.repo.dir, { order: 'oldest', license: 'figma', diskCache: false });
    expect(figma.events.every((e) => e.license === 'figma')).toBe(true);
    expect(figma.events.map((e) => e.type)).toContain('usage.snapshot');
    expect((await history(f.repo.dir, { license: 'slack', diskCache: false })).events).toEqual([]);
  });

  it('does not parse files that cannot be about the license or person asked for', async () => {
    const { inventoryParser } = await import('../../src/history/blobs.ts');
    const real = inventoryParser();
    const parsed = new Set<string>();
    const parse = (path: string, bytes: Uint8Array) => {
      parsed.add(path);
      return real(path, bytes);
    };
    await history(f.repo.dir, { license: 'figma', diskCache: false, parse });
    expect([...parsed].sort()).toEqual(['inventory/assignments/figma.yaml', 'inventory/contracts/figma-2026.yaml', 'inventory/licenses/figma.yaml', 'inventory/usage/figma.yaml']);
    parsed.clear();
    await history(f.repo.dir, { person: 'bob', diskCache: false, parse });
    expect([...parsed].sort()).toEqual(['inventory/assignments/figma.yaml', 'inventory/people.yaml']);
  });

  it('filters by commit day, in the org time zone when given', async () => {
    // "Bob left" was committed at 2026-03-01T23:30Z: still 1 March in UTC, already 2 March in Berlin.
    const utc = await history(f.repo.dir, { order: 'oldest', since: '2026-01-10', until: '2026-03-01', diskCache: false });
    expect([...new Set(utc.events.map((e) => e.commit))]).toEqual([f.shas.dee, f.shas.upgrade, f.shas.leaver]);
    const berlin = await history(f.repo.dir, { order: 'oldest', since: '2026-01-10', until: '2026-03-01', timeZone: 'Europe/Berlin', diskCache: false });
    expect([...new Set(berlin.events.map((e) => e.commit))]).toEqual([f.shas.dee, f.shas.upgrade]);
    const since = await history(f.repo.dir, { order: 'oldest', since: '2026-03-02', timeZone: 'Europe/Berlin', diskCache: false });
    expect([...new Set(since.events.map((e) => e.commit))]).toEqual([f.shas.leaver, f.shas.renewal, f.shas.usage]);
  });

  it('computes each commit once: the second run reads the events cached under .git/lac-cache', async () => {
    const repo = buildFixture().repo;
    try {
      let calls = 0;
      const { inventoryParser } = await import('../../src/history/blobs.ts');
      const real = inventoryParser();
      const parse = (path: string, bytes: Uint8Array) => {
        calls++;
        return real(path, bytes);
      };
      await history(repo.dir, { order: 'oldest', diskCache: false });
      expect(existsSync(join(repo.dir, '.git', 'lac-cache'))).toBe(false);
      const first = await history(repo.dir, { order: 'oldest', parse });
      expect(existsSync(join(repo.dir, '.git', 'lac-cache'))).toBe(true);
      // 6 files at first, then the renewed contract and the usage snapshot; people and assignments follow their patches.
      expect(calls).toBe(8);
      expect(first.stats).toMatchObject({ parsed: 8, commits: 6 });
      calls = 0;
      const second = await history(repo.dir, { order: 'oldest', parse });
      expect(calls).toBe(0);
      expect(second.stats).toMatchObject({ parsed: 0, read: 0 });
      expect(second.events).toEqual(first.events);
      expect(second.commits).toEqual(first.commits);
      expect(repo.git(['status', '--porcelain'])).toBe('');
    } finally {
      repo.cleanup();
    }
  });
});
