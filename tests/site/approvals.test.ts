// Commit pages answer "who approved this change" (issue 15): from the GitHub fake at build time
// (reviews and commit verification as GitHub's OpenAPI description shapes them), from the history
// cache in a later build without a token, "not available" with neither; untrusted text never a link.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build.ts';
import { NOT_AVAILABLE } from '../../src/history/approval.ts';
import { buildSiteInput } from '../../src/site/input.ts';
import { siteFromInput } from '../../src/site/site-data.ts';
import type { Cell, CellValue, Page, SiteData } from '../../src/site/types.ts';
import { buildFixture, USAGE, type Fixture } from '../history/fixture.ts';
import { useGitHubFake } from '../support/github-fake/hooks.ts';

const REPO = 'acme/licenses';
const WEB = 'https://github.example/acme/licenses';
const TITLE = '<script>alert(1)</script> [x](javascript:alert(1))';
const MESSAGE = '<img src=x onerror=alert(1)> [click](javascript:alert(2))\n\nbody <b>bold</b>';
const gh = useGitHubFake({ repos: [REPO] });
let f: Fixture;
let hostile: string;

beforeAll(() => {
  f = buildFixture();
  hostile = f.repo.commit({ 'inventory/usage/figma.yaml': USAGE.replace('2026-12-20T06:00:00Z', '2026-12-21T06:00:00Z') }, { message: MESSAGE, date: '2026-12-21T07:00:00Z' });
  const fake = gh.fake;
  fake.addMergedPull(REPO, { title: 'one', user: 'ada', mergedBy: 'ada', mergeCommit: '1'.repeat(40) });
  const two = fake.addMergedPull(REPO, { title: 'Add Dee', user: 'bob', mergedBy: 'ada', mergeCommit: f.shas.dee });
  fake.addReview(REPO, two, { user: 'carol', state: 'APPROVED', body: '<script>alert(3)</script>' });
  fake.addMergedPull(REPO, { title: 'three', user: 'bob', mergedBy: 'ada', mergeCommit: f.shas.upgrade });
  fake.addMergedPull(REPO, { title: 'four', user: 'ada', mergedBy: 'ada', mergeCommit: '4'.repeat(40) });
  fake.addMergedPull(REPO, { title: TITLE, user: 'ada', mergedBy: 'erin', mergeCommit: f.shas.renewal, commits: [hostile] });
  fake.setCommit(REPO, f.shas.usage, { verified: true, reason: 'valid' });
});
afterAll(() => f.repo.cleanup());

async function site(env: Record<string, string>): Promise<SiteData> {
  return siteFromInput(await buildSiteInput({ root: f.repo.dir, today: '2026-12-22', env: { SOURCE_DATE_EPOCH: '1784000000', ...env } }));
}

const page = (s: SiteData, sha: string) => s.pages.find((p) => p.route === `/audit/commit/${sha}/`)!;
const facts = (p: Page) => Object.fromEntries((p.sections.find((x) => x.type === 'facts') as { items: { label: string; value: CellValue }[] }).items.map((i) => [i.label, i.value]));
const cells = (s: SiteData, p: Page): Cell[] => [
  ...p.sections.flatMap((x) => (x.type === 'facts' ? x.items.flatMap((i) => [i.value].flat()) : x.type === 'table' ? s.tables[x.table]!.rows.flat() : [])),
].map((c) => (typeof c === 'string' ? { text: c } : c));

describe('commit pages', () => {
  let first: SiteData;
  beforeAll(async () => {
    first = await site({ ...gh.fake.env(), GITHUB_SERVER_URL: 'https://github.example' });
  });

  it('show author, committer, merger, the pull request, reviewers, approvers and the verified signature', () => {
    expect(facts(page(first, f.shas.dee))).toMatchObject({
      Author: 'Ada Lovelace <ada@test.example>', Committer: 'Ada Lovelace <ada@test.example>', 'Merged by': 'ada',
      'Pull request': { text: '#2 Add Dee', href: `${WEB}/pull/2` }, Approval: 'approved by carol', 'Reviewed by': 'carol', 'Approved by': 'carol', Signature: 'unsigned',
    });
    expect(facts(page(first, f.shas.usage))).toMatchObject({ Approval: 'pushed without a pull request', Signature: 'verified' });
    // Change tables say what GitHub verified, not only that a signature is there.
    expect(first.tables[`commit-${f.shas.usage.slice(0, 12)}`]!.rows[0]![8]).toBe('verified');
  });

  it('show the changed lines, each hunk linked to the file at that commit', () => {
    const p = page(first, f.shas.renewal);
    const diff = first.tables[`commit-${f.shas.renewal.slice(0, 12)}-diff`]!;
    expect(p.sections).toContainEqual({ type: 'table', table: diff.id });
    expect(diff.rows[0]![0]).toEqual({ text: 'inventory/contracts/figma-2026.yaml', href: expect.stringMatching(new RegExp(`^${WEB}/blob/${f.shas.renewal}/inventory/contracts/figma-2026\\.yaml#L\\d+$`)) });
    expect(diff.rows.map((r) => [r[2], r[3]])).toContainEqual(['added', 'end: 2027-12-31']);
  });

  it('keep hostile titles, messages and reviews as text: every link goes to the site or the repository\'s own host', () => {
    const p = page(first, hostile);
    expect(facts(p)['Pull request']).toEqual({ text: `#5 ${TITLE}`, href: `${WEB}/pull/5` });
    expect(p.sections).toContainEqual({ type: 'text', title: 'Commit message', text: MESSAGE });
    for (const sha of [hostile, f.shas.renewal, f.shas.dee]) {
      for (const c of cells(first, page(first, sha))) {
        if (c.href !== undefined) expect(c.href.startsWith('/') || c.href.startsWith(`${WEB}/`)).toBe(true);
      }
    }
  });

  it('a later build without a token shows the same from the history cache', async () => {
    gh.fake.clearRequests();
    const again = await site({ GITHUB_REPOSITORY: REPO, GITHUB_SERVER_URL: 'https://github.example' });
    expect(gh.fake.requests).toEqual([]);
    for (const sha of [f.shas.dee, hostile, f.shas.usage]) expect(facts(page(again, sha))).toEqual(facts(page(first, sha)));
  });

  it('escapes them in the built HTML (Astro, from the cache, no token)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'lac-approvals-site-'));
    try {
      await buildSite({ root: f.repo.dir, outDir: out, base: '/', today: '2026-12-22', env: { SOURCE_DATE_EPOCH: '1784000000', GITHUB_REPOSITORY: REPO, GITHUB_SERVER_URL: 'https://github.example' } });
      const html = readFileSync(join(out, 'audit', 'commit', hostile, 'index.html'), 'utf8');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; [click](javascript:alert(2))');
      expect(html).toContain(`<a href="${WEB}/pull/5">#5 &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1))</a>`);
      expect(html).not.toMatch(/<script>alert|<img src=x|<b>bold|href="javascript:/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 300_000);
});

describe('without API access and without a cache', () => {
  it('says "not available (no API access at build time)", never "none"', async () => {
    const fresh = buildFixture();
    try {
      const s = siteFromInput(await buildSiteInput({ root: fresh.repo.dir, today: '2026-12-22', env: { SOURCE_DATE_EPOCH: '1784000000' } }));
      const p = s.pages.find((x) => x.route === `/audit/commit/${fresh.shas.renewal}/`)!;
      expect(facts(p)).toMatchObject({ Approval: NOT_AVAILABLE, 'Reviewed by': NOT_AVAILABLE, 'Approved by': NOT_AVAILABLE, 'Merged by': NOT_AVAILABLE, 'Pull request': '#5' });
      expect(facts(s.pages.find((x) => x.route === `/audit/commit/${fresh.shas.dee}/`)!)['Merged by']).toBe('Ada Lovelace');
      expect(s.tables[`commit-${fresh.shas.usage.slice(0, 12)}`]!.rows[0]![8]).toBe('yes (not verified)');
    } finally {
      fresh.repo.cleanup();
    }
  });
});
