import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { normalizeBase } from '../../src/site/astro.ts';
import { links } from '../../src/site/links.ts';
import { repoWebUrl } from '../../src/site/model/repo.ts';
import { snapshotDates } from '../../src/site/model/snapshots.ts';
import { serveStatic } from '../../src/site/serve.ts';
import { barChart } from '../../src/site/svg/bars.ts';
import { lineChart } from '../../src/site/svg/lines.ts';

describe('repository web address', () => {
  test('GitHub Actions variables win (GitHub Enterprise Server too)', () => {
    expect(repoWebUrl({ GITHUB_SERVER_URL: 'https://ghe.example.com/', GITHUB_REPOSITORY: 'acme/licenses' }, 'git@github.com:x/y.git')).toBe('https://ghe.example.com/acme/licenses');
  });
  test.each([
    ['https://github.com/acme/licenses.git', 'https://github.com/acme/licenses'],
    ['https://token@github.com/acme/licenses', 'https://github.com/acme/licenses'],
    ['git@github.com:acme/licenses.git', 'https://github.com/acme/licenses'],
    ['ssh://git@github.com/acme/licenses.git', 'https://github.com/acme/licenses'],
    ['/srv/git/licenses.git', null],
    ['file:///srv/git/licenses.git', null],
    ['', null],
  ])('origin %s → %s', (origin, url) => {
    expect(repoWebUrl({}, origin)).toBe(url);
  });
});

describe('links', () => {
  test('with a web address: blob at the commit and line, commit, pull request', () => {
    const l = links('https://github.com/acme/licenses', 'abc123');
    expect(l.blob('inventory/licenses/figma.yaml', 7)).toBe('https://github.com/acme/licenses/blob/abc123/inventory/licenses/figma.yaml#L7');
    expect(l.commit('def')).toBe('https://github.com/acme/licenses/commit/def');
    expect(l.pull(12)).toBe('https://github.com/acme/licenses/pull/12');
    expect(links('https://github.com/acme/it', 'abc123', 'licenses/').blob('inventory/org.yaml', 2)).toBe('https://github.com/acme/it/blob/abc123/licenses/inventory/org.yaml#L2');
  });
  test('without: the site\'s own source and commit pages', () => {
    const l = links(null, 'abc123');
    expect(l.blob('inventory/org.yaml', 3)).toBe('/source/inventory/org.yaml/#L3');
    expect(l.commit('def')).toBe('/audit/commit/def/');
    expect(l.pull(12)).toBeNull();
  });
});

test('snapshot dates: month ends of the last 12 months and fiscal year ends, none before the history starts', () => {
  expect(snapshotDates('2026-07-15', '04-01', '2026-01-05')).toEqual([
    { date: '2026-01-31', kind: 'month-end' }, { date: '2026-02-28', kind: 'month-end' }, { date: '2026-03-31', kind: 'fiscal-year-end' },
    { date: '2026-04-30', kind: 'month-end' }, { date: '2026-05-31', kind: 'month-end' }, { date: '2026-06-30', kind: 'month-end' },
  ]);
  const long = snapshotDates('2026-07-15', '01-01', '2020-03-01');
  expect(long.filter((d) => d.kind === 'fiscal-year-end').map((d) => d.date)).toEqual(['2020-12-31', '2021-12-31', '2022-12-31', '2023-12-31', '2024-12-31', '2025-12-31']);
  expect(long.filter((d) => d.kind === 'month-end')).toHaveLength(11);
});

test('base paths', () => {
  expect(normalizeBase('')).toBe('/');
  expect(normalizeBase('repo')).toBe('/repo/');
  expect(normalizeBase('/a/b/')).toBe('/a/b/');
});

test('charts are self-contained SVG with an accessible name, text escaped', () => {
  const svg = barChart('Spend <by> vendor', [{ label: 'A & B', value: 2, text: '2 EUR' }]);
  expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="Spend &lt;by&gt; vendor"/);
  expect(svg).toContain('A &amp; B');
  expect(svg).not.toMatch(/href=|<script/);
  expect(lineChart('Empty', [])).toContain('No data yet.');
});

describe('static server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lac-serve-'));
  mkdirSync(join(dir, 'a'));
  writeFileSync(join(dir, 'index.html'), '<p>home</p>');
  writeFileSync(join(dir, 'a', 'index.html'), '<p>a</p>');
  writeFileSync(join(dir, 'x.csv'), 'a,b\r\n');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('serves under the base path on 127.0.0.1, with types, folder redirects and no escape from the folder', async () => {
    const s = await serveStatic(dir, { base: '/repo/' });
    try {
      expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/repo\/$/);
      expect(await (await fetch(s.url)).text()).toBe('<p>home</p>');
      const csv = await fetch(`${s.url}x.csv`);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const redirect = await fetch(`${s.url}a`, { redirect: 'manual' });
      expect([redirect.status, redirect.headers.get('location')]).toEqual([301, '/repo/a/']);
      expect((await fetch(`${s.url}..%2f..%2fetc/passwd`)).status).toBe(404);
      expect((await fetch(s.url.replace('/repo/', '/other/'))).status).toBe(404);
    } finally {
      await s.close();
    }
  });
});

test('a bulk commit shows in the trail as one row per kind of change and license', async () => {
  const { trail, BULK } = await import('../../src/site/pages/audit.ts');
  const ev = (commit: string, type: string, license: string, person: string) =>
    ({ type, license, person, details: {}, file: `inventory/assignments/${license}.yaml`, commit, date: '2026-01-01T00:00:00Z', author: 'A', email: 'a@x', pr: null, signed: false }) as never;
  const bulk = [...Array.from({ length: BULK + 1 }, (_, i) => ev('c1', 'seat.assigned', i % 2 ? 'figma' : 'slack', `p${i}`)), ev('c1', 'license.created', 'figma', '')];
  const rows = trail([ev('c2', 'seat.removed', 'figma', 'p1'), ...bulk]);
  expect(rows.map((r) => [r.commit, r.type, r.license, (r as { count?: number }).count])).toEqual([
    ['c2', 'seat.removed', 'figma', undefined],
    ['c1', 'seat.assigned', 'slack', (BULK + 2) / 2],
    ['c1', 'seat.assigned', 'figma', BULK / 2],
    ['c1', 'license.created', 'figma', 1],
  ]);
});

test('a person\'s or a license\'s page sums its part of a bulk commit per kind of change; small commits stay one row per change', async () => {
  const { summedBulk, bulkCommits, BULK } = await import('../../src/site/pages/audit.ts');
  const ev = (commit: string, type: string, license: string, person: string) =>
    ({ type, license, person, details: {}, file: `inventory/assignments/${license}.yaml`, commit, date: '2026-01-01T00:00:00Z', author: 'A', email: 'a@x', pr: null, signed: false }) as never;
  const all = [ev('c2', 'seat.removed', 'figma', 'p1'), ...Array.from({ length: BULK + 1 }, (_, i) => ev('c1', 'seat.assigned', i % 2 ? 'figma' : 'slack', `p${i % 3}`))];
  const bulk = bulkCommits(all);
  expect([...bulk]).toEqual(['c1']);
  const p1 = summedBulk(all.filter((e: { person: string }) => e.person === 'p1'), bulk);
  expect(p1.map((r) => [r.commit, r.type, r.person, r.count])).toEqual([['c2', 'seat.removed', 'p1', undefined], ['c1', 'seat.assigned', undefined, Math.ceil((BULK + 1 - 1) / 3)]]);
  expect(summedBulk(all.slice(0, 1), new Set())).toEqual(all.slice(0, 1));
  // A sum over several licenses names none (p1's seats are of figma and slack); over one license, that one.
  expect(p1[1]!.license).toBeUndefined();
  const figma = summedBulk(all.filter((e: { license: string; commit: string }) => e.license === 'figma' && e.commit === 'c1'), bulk);
  expect(figma.map((r) => [r.license, r.count])).toEqual([['figma', Math.floor((BULK + 1) / 2)]]);
  // One event of a bulk commit is shown as itself, not as "1 records".
  expect(summedBulk([all[1]!], bulk)).toEqual([all[1]]);
});

test('data.json is written in chunks and parses back to the model', async () => {
  const { jsonChunks } = await import('../../src/site/downloads.ts');
  const obj = { provenance: { commit: 'abc' }, events: [{ a: 1 }, { b: '2\n' }], seats: [], org: null };
  expect(JSON.parse([...jsonChunks(obj)].join(''))).toEqual(obj);
});

test('a download whose path ends in .gz is written gzip-compressed, chunk by chunk; the others as they are', async () => {
  const { writeDownloads } = await import('../../src/site/write-downloads.ts');
  const { gunzipSync } = await import('node:zlib');
  const { readFileSync } = await import('node:fs');
  const dir = mkdtempSync(join(tmpdir(), 'lac-downloads-'));
  try {
    const chunks = Array.from({ length: 3000 }, (_, i) => `{"seat":${i},"person":"p${i % 7}"},\n`);
    await writeDownloads([{ path: 'data.json.gz', body: () => chunks }, { path: 'csv/a.csv', body: () => 'x,y\n' }], dir);
    const gz = readFileSync(join(dir, 'data.json.gz'));
    expect([gz[0], gz[1]]).toEqual([0x1f, 0x8b]);
    expect(gunzipSync(gz).toString('utf8')).toBe(chunks.join(''));
    expect(gz.length).toBeLessThan(chunks.join('').length / 5);
    expect(readFileSync(join(dir, 'csv/a.csv'), 'utf8')).toBe('x,y\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
