import { describe, expect, it, vi } from 'vitest';
import { GitHubError } from '../../src/github/errors.ts';
import { useGitHubFake } from '../support/github-fake/hooks.ts';
import { virtualClock } from '../support/clock.ts';
import { clientFor, portFor } from './helpers.ts';

const gh = useGitHubFake({ repos: ['acme/licenses'], token: 'ghs_secret_value' });
const route = 'GET /repos/{owner}/{repo}';

async function getRepo(warnings: string[] = []) {
  const octokit = clientFor(gh.fake, (m) => warnings.push(m));
  return octokit.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'licenses' });
}

function statuses() {
  return gh.fake.requests.map((r) => `${r.status}${r.injected ? '*' : ''}`);
}

describe('retry and throttling', () => {
  it('waits out a primary rate limit (403, x-ratelimit-remaining: 0) and succeeds', async () => {
    // The throttling plugin reads Date.now() for the time to x-ratelimit-reset; stop the date so the wait is exact.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 2, 1, 9, 0, 0) });
    try {
      gh.fake.clearRequests();
      gh.fake.failNext({ status: 403, route, after: 1 });
      const warnings: string[] = [];
      const { data } = await getRepo(warnings);
      expect(data.full_name).toBe('acme/licenses');
      expect(statuses()).toEqual(['403*', '200']);
      // Reset one second away, plus the second the plugin adds to retry after it.
      expect(warnings).toEqual(['GitHub rate limit for GET /repos/{owner}/{repo}: retrying in 2s']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('waits out a secondary rate limit (429, retry-after) and succeeds', async () => {
    gh.fake.clearRequests();
    gh.fake.failNext({ status: 429, route, after: 2 });
    const warnings: string[] = [];
    await getRepo(warnings);
    expect(statuses()).toEqual(['429*', '200']);
    expect(warnings).toEqual(['GitHub secondary rate limit for GET /repos/{owner}/{repo}: retrying in 2s']);
  });

  it('retries server errors with a bounded backoff', async () => {
    gh.fake.clearRequests();
    gh.fake.failNext({ status: 500, route, count: 2 });
    await getRepo();
    expect(statuses()).toEqual(['500*', '500*', '200']);
  });

  it('gives up after maxRetries with a short error that names the operation, never the token', async () => {
    gh.fake.clearRequests();
    gh.fake.failNext({ status: 403, route, count: 4 });
    const error = await getRepo().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect(String(error)).toBe('GitHubError: command GET /repos/{owner}/{repo} failed with status 403: API rate limit exceeded for installation ID 1.');
    expect(JSON.stringify(error)).not.toContain('ghs_secret_value');
    expect(Object.keys(error as object).sort()).toEqual(['command', 'name', 'status']);
    expect(statuses()).toEqual(['403*', '403*', '403*', '403*']);
  });

  it('does not wait for a reset further away than maxWaitSeconds', async () => {
    gh.fake.clearRequests();
    gh.fake.failNext({ status: 403, route, after: 3600 });
    const warnings: string[] = [];
    await expect(getRepo(warnings)).rejects.toThrow('failed with status 403');
    expect(statuses()).toEqual(['403*']);
    expect(warnings).toEqual([expect.stringMatching(/: giving up$/)]);
  });

  it('retries a write once and creates exactly one issue', async () => {
    gh.fake.clearRequests();
    gh.fake.failNext({ status: 429, route: 'POST /repos/{owner}/{repo}/issues' });
    const port = portFor(gh.fake);
    const result = await port.ensureIssue({ key: 'throttle/once', title: 'Once', body: 'b' });
    expect(result.action).toBe('created');
    expect(gh.fake.writes().map((r) => `${r.method} ${r.url} ${r.status}`)).toEqual(['POST /repos/acme/licenses/issues 429', 'POST /repos/acme/licenses/issues 201']);
    expect(gh.fake.repo('acme/licenses').issues.filter((i) => i.title === 'Once')).toHaveLength(1);
  });

  it('answers 401 to a wrong token, without retrying', async () => {
    gh.fake.clearRequests();
    const { createGitHubClient } = await import('../../src/github/client.ts');
    const octokit = createGitHubClient({ token: 'wrong', baseUrl: gh.fake.url, timings: { unitMs: 1, writeGapMs: 0 } });
    await expect(octokit.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'licenses' })).rejects.toThrow('command GET /repos/{owner}/{repo} failed with status 401: Bad credentials');
    expect(statuses()).toEqual(['401']);
  });
});

describe('write spacing', () => {
  it('spaces content-creating requests writeGapMs apart on the client\'s clock; reads are not held back', async () => {
    const { createGitHubClient } = await import('../../src/github/client.ts');
    const clock = virtualClock(1_000);
    const octokit = createGitHubClient({ env: gh.fake.env(), timings: { writeGapMs: 120, unitMs: 1 }, clock });
    await Promise.all([1, 2, 3].map((i) => octokit.request('POST /repos/{owner}/{repo}/labels', { owner: 'acme', repo: 'licenses', name: `gap-${i}`, color: 'ededed' })));
    expect(clock.sleeps.sort((a, b) => a - b)).toEqual([120, 240]);
    expect(gh.fake.writes().map((r) => `${r.method} ${r.url} ${r.status}`)).toEqual(Array(3).fill('POST /repos/acme/licenses/labels 201'));
    await octokit.request('GET /repos/{owner}/{repo}/labels', { owner: 'acme', repo: 'licenses' });
    expect(clock.sleeps).toHaveLength(2);
  });

  it('waits only for what is left of the gap since the last write', async () => {
    const { createGitHubClient } = await import('../../src/github/client.ts');
    const clock = virtualClock(1_000);
    const octokit = createGitHubClient({ env: gh.fake.env(), timings: { writeGapMs: 120, unitMs: 1 }, clock });
    const label = (name: string) => octokit.request('POST /repos/{owner}/{repo}/labels', { owner: 'acme', repo: 'licenses', name, color: 'ededed' });
    await label('after-0');
    clock.advance(500);
    await label('after-500');
    clock.advance(10);
    await label('after-510');
    expect(clock.sleeps).toEqual([110]);
  });

  it('reads short waits from the environment for CLI runs, and rejects nonsense', async () => {
    const { timingsFromEnv } = await import('../../src/github/client.ts');
    expect(timingsFromEnv(gh.fake.env())).toEqual({ unitMs: 5, writeGapMs: 0 });
    expect(timingsFromEnv({})).toEqual({});
    expect(() => timingsFromEnv({ LAC_GITHUB_WRITE_GAP_MS: 'soon' })).toThrow('LAC_GITHUB_WRITE_GAP_MS must be a whole number of milliseconds from 0 to 60000');
  });
});
