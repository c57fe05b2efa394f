import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createGitHubPort } from '../../src/github/rest.ts';
import { useGitHubFake } from '../support/github-fake/hooks.ts';
import { startGitHubFake } from '../support/github-fake/index.ts';
import { FAST, lines } from './helpers.ts';

const gh = useGitHubFake({ repos: ['acme/licenses'] });

async function send(method: string, url: string, body?: unknown) {
  const res = await fetch(`${gh.fake.url}${url}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, link: res.headers.get('link') };
}

describe('the fake checks requests against GitHub\'s OpenAPI description', () => {
  it('answers 422 to a body that breaks the schema, records it and fails the test', async () => {
    const res = await send('POST', '/repos/acme/licenses/issues', { title: 'x', labels: 'renewal' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual(['body/labels must be array']);
    expect(gh.fake.repo('acme/licenses').issues).toEqual([]);
    expect(() => gh.fake.assertNoViolations()).toThrow(/request: POST \/repos\/acme\/licenses\/issues\n {4}body\/labels must be array/);
  });

  it('rejects unknown and ill-typed query parameters', async () => {
    expect((await send('GET', '/repos/acme/licenses/issues?state=opened')).status).toBe(422);
    expect((await send('GET', '/repos/acme/licenses/issues?per_page=ten')).status).toBe(422);
    expect((await send('GET', '/repos/acme/licenses/issues?colour=red')).status).toBe(422);
    expect(gh.fake.violations.map((v) => v.problems[0])).toEqual([
      'query/state must be equal to one of the allowed values',
      'query/per_page must be integer',
      'query must NOT have additional properties (colour)',
    ]);
    gh.fake.violations.length = 0;
  });

  it('answers 404 to operations it does not serve, and records them', async () => {
    expect((await send('DELETE', '/repos/acme/licenses')).status).toBe(404);
    expect(gh.fake.violations).toEqual([{ kind: 'unserved', request: 'DELETE /repos/acme/licenses', problems: ['no operation of the fake serves this request'] }]);
    gh.fake.violations.length = 0;
  });

  it('a 404 GitHub itself would give is not a violation', async () => {
    expect((await send('GET', '/repos/acme/licenses/labels/nope')).status).toBe(404);
    expect((await send('GET', '/repos/acme/other')).status).toBe(404);
    expect(gh.fake.violations).toEqual([]);
  });

  it('treats a response that breaks GitHub\'s schema as its own bug: 500 and a violation', async () => {
    gh.fake.setCopilotSeats('broken', [{ login: 'x', plan_type: 'gold' as 'business' }]);
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      expect((await send('GET', '/orgs/broken/copilot/billing/seats')).status).toBe(500);
    } finally {
      console.error = original;
    }
    expect(String(errors[0])).toContain("github-fake BUG: GET /orgs/broken/copilot/billing/seats -> 200 breaks GitHub's schema");
    expect(() => gh.fake.assertNoViolations()).toThrow(/response: GET \/orgs\/broken\/copilot\/billing\/seats\n {4}response\/seats\/0\/plan_type must be equal to one of the allowed values/);
  });

  it('flags an injected failure that no request used', () => {
    gh.fake.failNext({ status: 500, route: 'GET /repos/{owner}/{repo}' });
    expect(() => gh.fake.assertNoViolations()).toThrow('unused: failNext 500 GET /repos/{owner}/{repo}');
  });

  it('pages lists with per_page, page and a Link header', async () => {
    const repo = gh.fake.repo('acme/licenses');
    for (let i = 0; i < 5; i++) await send('POST', '/repos/acme/licenses/issues', { title: `Issue ${i}`, labels: ['paging'] });
    const page = await send('GET', '/repos/acme/licenses/issues?labels=paging&per_page=2&page=2&direction=asc');
    expect((page.body as unknown as Array<{ title: string }>).map((i) => i.title)).toEqual(['Issue 2', 'Issue 3']);
    const at = (n: number) => `<${gh.fake.url}/repos/acme/licenses/issues?labels=paging&per_page=2&page=${n}&direction=asc>`;
    expect(page.link).toBe(`${at(1)}; rel="prev", ${at(3)}; rel="next", ${at(3)}; rel="last", ${at(1)}; rel="first"`);
    expect(repo.issues).toHaveLength(5);
  });
});

describe('reset', () => {
  it('returns to the repositories of the options, with no issues, requests or failures', async () => {
    const fake = await startGitHubFake({ repos: [{ name: 'acme/one', defaultBranch: 'trunk' }] });
    try {
      await fetch(`${fake.url}/repos/acme/one/issues`, { method: 'POST', body: JSON.stringify({ title: 'x' }) });
      fake.addBranch('acme/one', 'feature');
      fake.failNext({ status: 500 });
      fake.reset();
      expect(fake.requests).toEqual([]);
      expect(fake.pendingFailures()).toEqual([]);
      expect(fake.repo('acme/one')).toMatchObject({ issues: [], default_branch: 'trunk' });
      expect([...fake.repo('acme/one').branches.keys()]).toEqual(['trunk']);
      fake.assertNoViolations();
    } finally {
      await fake.close();
    }
  });
});

describe('branches from a real bare git repository', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lac-github-fake-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  it('opens a PR for a branch pushed with git, and refuses one that was never pushed', async () => {
    const bare = path.join(dir, 'remote.git');
    const work = path.join(dir, 'work');
    git(dir, 'init', '-q', '--bare', '-b', 'main', bare);
    git(dir, 'init', '-q', '-b', 'main', work);
    git(work, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'init');
    git(work, 'push', '-q', bare, 'main');
    git(work, 'checkout', '-q', '-b', 'lac/reclaim/miro');
    git(work, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'Reclaim Miro seats');
    git(work, 'push', '-q', bare, 'lac/reclaim/miro');
    const sha = git(work, 'rev-parse', 'HEAD').trim();

    const fake = await startGitHubFake({ repos: [{ name: 'acme/inventory', gitDir: bare }], basePath: '/api/v3' });
    try {
      expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/);
      const port = createGitHubPort({ env: fake.env(), timings: FAST });
      const created = await port.ensurePullRequest({ key: 'reclaim/miro', head: 'lac/reclaim/miro', base: 'main', title: 'Reclaim Miro', body: 'b' });
      expect(created.action).toBe('created');
      const res = await fetch(`${fake.url}/repos/acme/inventory/pulls/${created.number}`);
      const pr = (await res.json()) as { head: { ref: string; sha: string }; base: { ref: string } };
      expect(pr.head).toMatchObject({ ref: 'lac/reclaim/miro', sha });
      const refs = await fetch(`${fake.url}/repos/acme/inventory/git/matching-refs/heads/lac/`);
      expect(((await refs.json()) as Array<{ ref: string }>).map((r) => r.ref)).toEqual(['refs/heads/lac/reclaim/miro']);
      await expect(port.ensurePullRequest({ key: 'reclaim/figjam', head: 'lac/reclaim/figjam', base: 'main', title: 't', body: 'b' })).rejects.toThrow(
        'command POST /repos/{owner}/{repo}/pulls failed with status 422: Validation Failed (head: invalid)',
      );
      expect(lines(fake.writes())).toEqual(['POST /repos/acme/inventory/pulls', 'POST /repos/acme/inventory/issues/1/labels', 'POST /repos/acme/inventory/pulls']);
      fake.assertNoViolations();
    } finally {
      await fake.close();
    }
  });
});
