// Who reviewed and approved each change, from a real git history and the GitHub fake (reviews as
// documented in "REST API endpoints for pull request reviews", a commit's `verification` as in
// "REST API endpoints for commits", GitHub's OpenAPI description checking both sides).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { attachApprovals } from '../../src/history/approvals.ts';
import { NOT_AVAILABLE, type ChangeApproval } from '../../src/history/approval.ts';
import { formatHistory } from '../../src/history/format.ts';
import { history, type HistoryEvent } from '../../src/history/history.ts';
import { useGitHubFake } from '../support/github-fake/hooks.ts';
import { lac } from '../support/cli.ts';
import { buildFixture, type Fixture } from './fixture.ts';

const REPO = 'acme/licenses';
const WEB = 'https://github.example/acme/licenses';
const HOSTILE = '<script>alert(1)</script> [click](javascript:alert(1)) **bold** @everyone';
const gh = useGitHubFake({ repos: [REPO] });
let f: Fixture;

beforeAll(() => {
  f = buildFixture();
  const fake = gh.fake;
  // #1 holds the direct "Bob left" commit: found through GET /commits/{sha}/pulls, not from its message.
  fake.addMergedPull(REPO, { title: 'Offboard Bob', user: 'ada', mergedBy: 'ada', mergeCommit: f.shas.leaver });
  const two = fake.addMergedPull(REPO, { title: 'Add Dee', user: 'bob', mergedBy: 'ada', mergeCommit: f.shas.dee });
  fake.addReview(REPO, two, { user: 'carol', state: 'CHANGES_REQUESTED', body: 'tier?' });
  fake.addReview(REPO, two, { user: 'carol', state: 'APPROVED' });
  fake.addReview(REPO, two, { user: 'carol', state: 'COMMENTED', body: 'nit' });
  fake.addReview(REPO, two, { user: 'bob', state: 'APPROVED' });
  const three = fake.addMergedPull(REPO, { title: 'Upgrade Bob', user: 'bob', mergedBy: 'ada', mergeCommit: f.shas.upgrade });
  fake.addReview(REPO, three, { user: 'bob', state: 'APPROVED', body: 'self' });
  fake.addReview(REPO, three, { user: 'dave', state: 'COMMENTED' });
  fake.addMergedPull(REPO, { title: 'unrelated', user: 'ada', mergedBy: 'ada', mergeCommit: '0'.repeat(40) });
  const five = fake.addMergedPull(REPO, { title: HOSTILE, user: 'ada', mergedBy: 'erin', mergeCommit: f.shas.renewal });
  fake.addReview(REPO, five, { user: 'erin', state: 'APPROVED', body: '<img src=x onerror=alert(1)>' });
  fake.setCommit(REPO, f.shas.usage, { verified: true, reason: 'valid' });
  fake.setCommit(REPO, f.shas.dee, { verified: false, reason: 'unsigned' });
  fake.setCommit(REPO, f.shas.upgrade, { verified: false, reason: 'unknown_key' });
});
afterAll(() => f.repo.cleanup());

async function run(env: Record<string, string | undefined>, options: { diskCache?: boolean; maxRequests?: number; repoUrl?: string | null } = {}) {
  const { events, commits } = await history(f.repo.dir, { diskCache: options.diskCache ?? true });
  const stats = await attachApprovals(f.repo.dir, events, commits, { env, repoUrl: options.repoUrl === undefined ? WEB : options.repoUrl, concurrency: 2, ...options });
  const byName = new Map<string, ChangeApproval | undefined>();
  for (const [name, sha] of Object.entries(f.shas)) byName.set(name, events.find((e) => e.commit === sha)?.approval);
  return { events, stats, byName };
}

const withoutToken = () => ({ GITHUB_REPOSITORY: REPO, GITHUB_API_URL: gh.fake.url });

describe('approvals', () => {
  it('within the request budget looks up the newest commits only; the rest say "not available"', async () => {
    const { byName, stats } = await run(gh.fake.env(), { diskCache: false, maxRequests: 4 });
    expect(stats).toEqual({ fromApi: 1, fromCache: 0, unavailable: 5, requests: 2 });
    expect(byName.get('usage')?.signature).toBe('verified');
    expect(byName.get('renewal')?.status).toBe('unavailable');
  });

  it('a refused request ends the lookups with a warning that names no token; the run goes on', async () => {
    // A server error through all of octokit's retries (the client's default of 3).
    gh.fake.failNext({ status: 500, count: 4, route: 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls' });
    const warnings: string[] = [];
    const { events, commits } = await history(f.repo.dir, { diskCache: false });
    const stats = await attachApprovals(f.repo.dir, events, commits, { env: gh.fake.env(), repoUrl: WEB, concurrency: 1, diskCache: false, warn: (m) => warnings.push(m) });
    expect(stats).toEqual({ fromApi: 0, fromCache: 0, unavailable: 6, requests: 1 });
    expect(warnings).toEqual(['approvals: GitHub lookups stopped: command GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls failed with status 500: Server Error']);
    expect(warnings.join('')).not.toContain('fake-token');
  });

  it('reads reviews, approvals, the merger and the verified signature from GitHub', async () => {
    const { byName, stats } = await run(gh.fake.env());
    expect(stats).toMatchObject({ fromApi: 6, fromCache: 0, unavailable: 0 });
    // Changes requested, then approved (a later comment does not undo it); the author's own approval never counts.
    expect(byName.get('dee')).toEqual({
      status: 'approved', prNumber: 2, prTitle: 'Add Dee', prUrl: `${WEB}/pull/2`, reviewers: ['bob', 'carol'], approvers: ['carol'], merger: 'ada',
      signature: 'unsigned', signatureReason: 'unsigned', prAuthor: 'bob',
    });
    expect(byName.get('upgrade')).toMatchObject({ status: 'not-approved', reviewers: ['bob', 'dave'], approvers: [], signature: 'unverified', signatureReason: 'unknown_key' });
    // No review at all, the PR found from the commit.
    expect(byName.get('leaver')).toMatchObject({ status: 'not-approved', prTitle: 'Offboard Bob', prUrl: `${WEB}/pull/1`, reviewers: [], approvers: [] });
    expect(byName.get('renewal')).toMatchObject({ status: 'approved', prTitle: HOSTILE, approvers: ['erin'], merger: 'erin' });
    expect(byName.get('usage')).toEqual({ status: 'no-pull-request', reviewers: [], approvers: [], signature: 'verified', signatureReason: 'valid' });
    expect(byName.get('initial')).toEqual({ status: 'no-pull-request', reviewers: [], approvers: [], signature: 'unsigned' });
  });

  it('a later run without a token shows the same from the history cache, with no request', async () => {
    const before = (await run(gh.fake.env())).byName;
    gh.fake.clearRequests();
    const { byName, stats } = await run(withoutToken());
    expect(gh.fake.requests).toEqual([]);
    expect(stats).toMatchObject({ fromApi: 0, fromCache: 6, unavailable: 0 });
    expect(byName).toEqual(before);
  });

  it('a cache entry that is not this commit\'s is a miss', async () => {
    const cache = join(f.repo.dir, '.git', 'lac-cache', 'reviews', 'v1');
    const file = (sha: string) => join(cache, sha.slice(0, 2), `${sha.slice(2)}.json`);
    mkdirSync(join(cache, f.shas.usage.slice(0, 2)), { recursive: true });
    writeFileSync(file(f.shas.usage), JSON.stringify({ format: 'lac-review/v1', commit: f.shas.dee, pr: 2, pull: null, reviews: [], verification: null }));
    mkdirSync(join(cache, f.shas.initial.slice(0, 2)), { recursive: true });
    writeFileSync(file(f.shas.initial), '{"format":"lac-review/v1"');
    const { byName } = await run(withoutToken());
    expect(byName.get('usage')?.status).toBe('unavailable');
    expect(byName.get('initial')?.status).toBe('unavailable');
    expect(byName.get('dee')?.status).toBe('approved');
  });

  it('no remote and no token: every approval field says "not available", never "none"', async () => {
    const { events, byName } = await run({}, { diskCache: false, repoUrl: null });
    expect([...byName.values()].filter(Boolean).map((a) => a!.status)).toEqual(Array(6).fill('unavailable'));
    // git still tells who merged a merge commit and that a commit is signed (verification needs the API).
    expect(byName.get('dee')).toEqual({ status: 'unavailable', reviewers: [], approvers: [], merger: 'Ada Lovelace', signature: 'unsigned' });
    expect(byName.get('usage')?.signature).toBe('unavailable');
    const csv = formatHistory(events, 'csv').split('\r\n');
    expect(csv[1]).toContain(`,${NOT_AVAILABLE},,,${NOT_AVAILABLE},${NOT_AVAILABLE},${NOT_AVAILABLE},`);
    const text = formatHistory(events, 'text');
    expect(text).toContain(`            ${NOT_AVAILABLE}; committed by Dee Signer; signature signed, verification ${NOT_AVAILABLE}\n`);
    expect(text).not.toMatch(/\bnone\b/);
  });

  it('markdown escapes PR titles and commit data and links only to the repository\'s own host', async () => {
    const { events } = await run(withoutToken());
    const renewal = events.filter((e: HistoryEvent) => e.commit === f.shas.renewal);
    const out = formatHistory(renewal, 'md');
    expect(out).not.toContain('<script>');
    // Brackets escaped: "\\](javascript:" is text, no link.
    expect(out).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; \\[click\\](javascript:alert(1)) \\*\\*bold\\*\\* @\u200beveryone');
    expect(out).toContain(`[#5](<${WEB}/pull/5>)`);
    expect([...out.matchAll(/\]\(<([^>]*)>\)/g)].map((m) => m[1])).toEqual([`${WEB}/pull/5`, `${WEB}/pull/5`]);
  });

  it('lac history carries the fields in JSON and text; --no-api reads the cache only', async () => {
    const env = { ...gh.fake.env(), GITHUB_SERVER_URL: 'https://github.example' };
    const json = await lac(['history', '--root', f.repo.dir, '--format', 'json', '--license', 'figma', '--since', '2026-12-01'], { env });
    expect(json.code).toBe(0);
    const events = JSON.parse(json.stdout) as HistoryEvent[];
    expect(events.map((e) => [e.type, e.committer, e.approval?.status, e.approval?.signature])).toEqual([
      ['usage.snapshot', 'Dee Signer', 'no-pull-request', 'verified'],
      ['contract.renewed', 'Ada Lovelace', 'approved', 'unsigned'],
      ['contract.changed', 'Ada Lovelace', 'approved', 'unsigned'],
    ]);
    gh.fake.clearRequests();
    const text = await lac(['history', '--root', f.repo.dir, '--no-api', '--license', 'figma', '--since', '2026-12-01'], { env });
    expect(gh.fake.requests).toEqual([]);
    expect(text.stdout).toContain(`            approved by erin; reviewed by erin; PR #5 "${HOSTILE}" ${WEB}/pull/5; merged by erin; committed by Ada Lovelace; signature unsigned\n`);
  });
});
