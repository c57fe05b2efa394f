// The site's point-in-time views cached by commit and day (src/site/model/snapshot-cache.ts): a warm build shows
// what a cold one computes, and nothing the cache folder holds can change a figure unless it is a whole, well-formed
// entry of this lac version for that commit and day.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { cachedSnapshots, snapshotCache } from '../../src/site/model/snapshot-cache.ts';
import { snapshotDates, snapshots } from '../../src/site/model/snapshots.ts';
import type { Snapshot } from '../../src/site/model/types.ts';
import { buildSiteFixture, TODAY, type SiteFixture } from './fixture.ts';

const VERSION = '9.9.9-test';
let fixture: SiteFixture;
let head: string;
let cacheDir: string;
let fresh: Snapshot[];
const days = snapshotDates(TODAY, '04-01', '2026-01-05');
const dir = () => join(cacheDir, 'site', VERSION, 'snapshots');
const run = (version = VERSION) => snapshots(fixture.repo.dir, head, days, 'UTC', undefined, snapshotCache(cacheDir, version));
const files = () => readdirSync(dir()).sort();
const file = (commit: string) => join(dir(), `${commit}.json`);
const read = (commit: string) => JSON.parse(readFileSync(file(commit), 'utf8')) as { days: Record<string, Record<string, unknown>> };

beforeAll(async () => {
  fixture = buildSiteFixture();
  head = fixture.repo.git(['rev-parse', 'HEAD']).trim();
  fresh = await snapshots(fixture.repo.dir, head, days, 'UTC');
});
afterAll(() => fixture.cleanup());
beforeEach(() => {
  cacheDir = mkdtempSync(join(tmpdir(), 'lac-snapshot-cache-'));
  return () => rmSync(cacheDir, { recursive: true, force: true });
});

describe('snapshot cache', () => {
  test('a cold build writes one file per commit with its days; a warm one shows the same views as a build without a cache', async () => {
    expect(fresh.map((s) => s.date)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30']);
    expect(await run()).toEqual(fresh);
    const commits = [...new Set(fresh.map((s) => s.commit))].sort();
    expect(files()).toEqual(commits.map((c) => `${c}.json`));
    // March and April end on the same commit: one file holds both days.
    const march = fresh.find((s) => s.date === '2026-03-31')!;
    expect(Object.keys(read(march.commit).days)).toEqual(fresh.filter((s) => s.commit === march.commit).map((s) => s.date));
    expect(await run()).toEqual(fresh);
  });

  test('a warm build reads the figures from the cache, not from the commit', async () => {
    await run();
    const june = fresh.at(-1)!;
    const cached = read(june.commit);
    cached.days[june.date]!.annualCost = '1.00';
    writeFileSync(file(june.commit), JSON.stringify(cached));
    const warm = await run();
    expect(warm.at(-1)!.annualCost).toBe('1.00');
    expect(warm.slice(0, -1)).toEqual(fresh.slice(0, -1));
  });

  test('a torn, hand-edited or foreign entry is a miss: the day is computed again and the file rewritten whole', async () => {
    await run();
    const [jan, feb] = [fresh[0]!, fresh[1]!];
    writeFileSync(file(jan.commit), '{"format":"lac-site-snapsh');
    const edited = read(feb.commit);
    const day = edited.days[feb.date]!;
    (day.licenses as Record<string, unknown>[])[0]!.assigned = '999';
    writeFileSync(file(feb.commit), JSON.stringify(edited));
    expect(await run()).toEqual(fresh);
    expect(read(jan.commit).days[jan.date]).toMatchObject({ annualCost: jan.annualCost });
    expect(read(feb.commit).days[feb.date]).toMatchObject({ licenses: fresh[1]!.licenses });
  });

  test("another lac version's cache is not read", async () => {
    await run('1.0.0-other');
    const june = fresh.at(-1)!;
    const other = join(cacheDir, 'site', '1.0.0-other', 'snapshots', `${june.commit}.json`);
    const text = JSON.parse(readFileSync(other, 'utf8')) as { days: Record<string, Record<string, unknown>> };
    text.days[june.date]!.annualCost = '1.00';
    writeFileSync(other, JSON.stringify(text));
    expect(await run()).toEqual(fresh);
  });

  test('an entry is taken only for its own commit, version and day, with every field of its type and no other', () => {
    const s = fresh[1]!;
    const { kind: _kind, ...entry } = s;
    const content = (o: Record<string, unknown> = {}, e: Record<string, unknown> = entry) => ({ format: 'lac-site-snapshots/v1', lac: VERSION, commit: s.commit, days: { [s.date]: e }, ...o });
    expect(cachedSnapshots(content(), VERSION, s.commit).get(s.date)).toEqual(entry);
    expect(cachedSnapshots(content(), '1.0.0', s.commit).size).toBe(0);
    expect(cachedSnapshots(content(), VERSION, fresh[0]!.commit).size).toBe(0);
    expect(cachedSnapshots(content({ format: 'lac-site-snapshots/v0' }), VERSION, s.commit).size).toBe(0);
    expect(cachedSnapshots(content({ days: { '2026-03-01': entry } }), VERSION, s.commit).size).toBe(0);
    const broken = [
      { ...entry, seatCount: '6' },
      { ...entry, extra: true },
      { ...entry, licenses: [{ ...entry.licenses[0]!, tiers: [{ ...entry.licenses[0]!.tiers[0]!, waste: 1 }] }] },
      { ...entry, seats: [{ ...entry.seats[0]!, leaver: 'gone' }] },
      { ...entry, licenses: undefined },
    ];
    for (const e of broken) expect(cachedSnapshots(content({}, e), VERSION, s.commit).size).toBe(0);
  });

  test("the files of commits no view is read from any more are removed; other files are left alone", async () => {
    await run();
    const stale = 'f'.repeat(40);
    writeFileSync(file(stale), '{}');
    writeFileSync(join(dir(), 'notes.txt'), 'kept');
    await run();
    expect(files()).toEqual([...[...new Set(fresh.map((s) => s.commit))].map((c) => `${c}.json`), 'notes.txt'].sort());
  });

  test('without a cache folder nothing is written', async () => {
    expect(await snapshots(fixture.repo.dir, head, days, 'UTC', undefined, snapshotCache(undefined, VERSION))).toEqual(fresh);
    expect(readdirSync(cacheDir)).toEqual([]);
  });
});
