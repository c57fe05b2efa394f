import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubPort } from '../../src/github/index.ts';
import { ADA, type TestRepo } from '../support/git.ts';
import { useGitHubFake } from '../support/github-fake/hooks.ts';
import { bareRemote } from '../support/remote.ts';
import { files, LICENSE, ORG, PEOPLE, SEATS } from '../support/inventory.ts';
import { REPO_ROOT } from '../support/cli.ts';
import { runWorkflowFile } from '../support/actions-runner.ts';

interface Context {
  workspace: string;
  env: Record<string, string>;
  expressions: Record<string, string>;
  event?: unknown;
}

/** This repository's workflow run on a prepared checkout with `npx lac` = this checkout's CLI: its `run:` steps. */
async function runWorkflow(file: string, ctx: Context) {
  const r = await runWorkflowFile({ file: join(REPO_ROOT, '.github/workflows', file), workspace: ctx.workspace, env: ctx.env, context: ctx.expressions, event: ctx.event, lac: 'checkout' });
  const [job] = Object.values(r.jobs);
  return { steps: job!.steps.filter((s) => !s.uses && !s.skipped), summary: r.summary };
}

const remote = bareRemote();
const bare = remote.path;

const gh = useGitHubFake({ repos: [{ name: 'acme/licenses', gitDir: bare }], resetEach: true });
const repos: TestRepo[] = [];
afterEach(() => {
  repos.splice(0).forEach((r) => r.cleanup());
  remote.clear();
});

const CSV_LICENSE = `${LICENSE}usage:\n  source: csv\n  config: { path: exports/figma.csv, columns: { account: Email, last_active: Last Seen } }\n`;

/** A clone of a license repository whose main is on the remote (the checkout step's result). */
function checkout(): TestRepo {
  const repo = remote.clone({ ...files({ 'inventory/licenses/figma.yaml': CSV_LICENSE }), 'exports/figma.csv': 'Email,Last Seen\nada@test.example,2026-03-01\n' });
  repos.push(repo);
  return repo;
}

describe('the check workflow on a pull request', () => {
  // Idle about 6 s (9.9 s CPU); 30-39 s at load 10 on 2 cores. Budget: 3x the loaded time.
  it('annotates findings, writes the change to the job summary and posts one sticky comment', { timeout: 120_000 }, async () => {
    const repo = checkout();
    repo.git(['checkout', '-q', '-b', 'add-cy']);
    repo.commit({ 'inventory/assignments/figma.yaml': `${SEATS}  - { person: cy, tier: full, since: 2026-02-01 }\n` }, { message: 'Give Cy a seat', date: '2026-03-02T09:00:00Z', author: ADA });
    const { number } = await createGitHubPort({ env: gh.fake.env() }).ensureIssue({ key: 'test/pr', title: 'Give Cy a seat', body: '' });
    const ctx = { workspace: repo.dir, env: gh.fake.env(), expressions: { 'github.base_ref': 'main', 'github.token': gh.fake.env().GITHUB_TOKEN! }, event: { pull_request: { number } } };
    const run = await runWorkflow('check.yml', ctx);
    const [checkStep, describeStep, commentStep] = run.steps;
    expect(checkStep!.code).toBe(1);
    expect(checkStep!.stdout).toContain('::error file=inventory/assignments/figma.yaml,line=5,col=15,title=seat-held-by-leaver::Cy Leaver (cy) left on 2026-01-31');
    expect(describeStep!.code).toBe(0);
    expect(run.summary).toContain('### What this change does');
    expect(run.summary).toContain('| figma · Cy Leaver (cy) | assigned full since 2026-02-01 |');
    expect(commentStep).toMatchObject({ code: 0, stderr: `pull request #${number}: comment created\n` });
    expect((await runWorkflow('check.yml', ctx)).steps[2]!.stderr).toBe(`pull request #${number}: comment unchanged\n`);
    expect(gh.fake.repo('acme/licenses').comments.filter((c) => c.issue_number === number)).toHaveLength(1);
  });
});

describe('the usage workflow', () => {
  // Idle about 1.5 s (2.1 s CPU); 11-13 s at load 10 on 2 cores. Budget: 3x the loaded time.
  it('pulls every usage source and proposes the snapshots as one pull request', { timeout: 40_000 }, async () => {
    const repo = checkout();
    const run = await runWorkflow('usage.yml', { workspace: repo.dir, env: gh.fake.env(), expressions: { 'github.token': gh.fake.env().GITHUB_TOKEN! } });
    expect(run.steps).toHaveLength(1);
    expect(run.steps[0]).toMatchObject({ code: 0, stderr: '' });
    expect(run.steps[0]!.stdout).toContain('figma: 1 accounts, 1 matched, 0 unmatched: wrote inventory/usage/figma.yaml');
    expect(run.steps[0]!.stdout).toContain('published (pull-request): pushed; pull request #1 created');
    const pr = gh.fake.repo('acme/licenses').issues.find((i) => i.number === 1)!;
    expect(pr.title).toMatch(/^Usage snapshots of \d{4}-\d{2}-\d{2}$/);
  });
});

describe('the people workflow', () => {
  it('pulls the directory from an HR export and proposes people.yaml as one pull request, once', async () => {
    const repo = remote.clone({
      ...files({ 'inventory/org.yaml': `${ORG}directory:\n  source: hr-csv\n  config: { path: hr/employees.csv, preset: workday }\n` }),
      'hr/employees.csv': 'Employee_ID,Full_Name,Email,Team_Name,Manager_ID,Start_Date,Termination_Date\nW-1,Ada Lovelace,ada@test.example,eng,,2020-01-01,\nW-2,Bob Byte,bob@test.example,sales,W-1,2021-06-01,\nW-9,Nia New,nia@test.example,eng,W-1,2026-03-01,\n',
    });
    repos.push(repo);
    const ctx = { workspace: repo.dir, env: { ...gh.fake.env(), LAC_TODAY: '2026-03-10' }, expressions: { 'github.token': gh.fake.env().GITHUB_TOKEN! } };
    const run = await runWorkflow('people.yml', ctx);
    expect(run.steps[0]).toMatchObject({ code: 0, stderr: '' });
    expect(run.steps[0]!.stdout).toContain('branch lac/people: pushed; pull request #1 created');
    const pr = gh.fake.repo('acme/licenses').issues.find((i) => i.number === 1)!;
    expect(pr.body).toContain('- **Nia New** (`nia`)');
    gh.fake.clearRequests();
    repo.git(['checkout', '--', 'inventory/people.yaml']);
    expect((await runWorkflow('people.yml', ctx)).steps[0]!.stdout).toContain('branch lac/people: unchanged; pull request #1 unchanged');
    expect(gh.fake.writes()).toEqual([]);
  });
});

describe('the reclaim workflow', () => {
  // Idle about 3 s (4.5 s CPU); 14-22 s at load 10 on 2 cores. Budget: 3x the loaded time.
  it('opens one pull request per license for seats to reclaim, and changes nothing when run again', { timeout: 70_000 }, async () => {
    const repo = checkout();
    repo.commit({ 'inventory/assignments/figma.yaml': `${SEATS}  - { person: cy, tier: full, since: 2025-06-01 }\n` }, { message: 'Cy still holds a seat', date: '2026-03-02T09:00:00Z', author: ADA });
    repo.git(['push', '-q', 'origin', 'main']);
    const ctx = { workspace: repo.dir, env: gh.fake.env(), expressions: { 'github.token': gh.fake.env().GITHUB_TOKEN! } };
    const first = await runWorkflow('reclaim.yml', ctx);
    expect(first.steps).toHaveLength(1);
    expect(first.steps[0]).toMatchObject({ code: 0 });
    expect(remote.branchSha('lac/reclaim/figma')).not.toBe('');
    const prs = gh.fake.repo('acme/licenses').issues.filter((i) => i.pull);
    expect(prs.map((p) => p.title)).toEqual(['Reclaim 1 Figma seat: save 486.00 EUR a year']);
    expect(prs[0]!.body).toContain('cy');
    gh.fake.clearRequests();
    expect((await runWorkflow('reclaim.yml', ctx)).steps[0]!.code).toBe(0);
    expect(gh.fake.writes()).toEqual([]);
  });
});

describe('the request workflow', () => {
  const FORM = '### Person\n\neve\n\n### License\n\nfigma\n\n### Tier\n\nfull\n\n### Why\n\nDesigns the new screens. $(touch pwned-body)\n\n### Needed from\n\n_No response_';

  it('answers a request issue with a pull request, then closes the issue when it is merged; the issue text never reaches a shell', { timeout: 120_000 }, async () => {
    const repo = remote.clone(files({ 'inventory/people.yaml': `${PEOPLE}  - { id: eve, name: Eve Free, email: eve@test.example, department: eng, status: active, start: 2023-01-01 }\n` }));
    repos.push(repo);
    // A title and body that would run commands if a script interpolated them.
    const title = 'License request: $(touch pwned-title) `touch pwned-tick`';
    const issue = gh.fake.openIssue('acme/licenses', { title, body: FORM, labels: ['license-request'] });
    const token = gh.fake.env().GITHUB_TOKEN!;
    const run = (job: string, context: Record<string, string>, event: unknown) =>
      runWorkflowFile({ file: join(REPO_ROOT, '.github/workflows/request.yml'), workspace: repo.dir, env: { ...gh.fake.env(), LAC_TODAY: '2026-03-10' }, context: { 'github.token': token, ...context }, event, lac: 'checkout', jobs: [job] });
    // Were a script to expand the title or body, as GitHub expands any expression in `run:`, the files would appear.
    const text = { 'github.event.issue.title': title, 'github.event.issue.body': FORM };
    const opened = await run('request', { 'github.event.issue.number': String(issue), ...text }, { action: 'opened', issue: { number: issue, title } });
    const [step] = opened.jobs.request!.steps.filter((s) => !s.uses && !s.skipped);
    expect(step).toMatchObject({ code: 0, stderr: '' });
    expect(step!.stdout).toContain('branch lac/request/1: pushed; pull request #2 created; comment on #1 created');
    expect(remote.branchSha('lac/request/1')).not.toBe('');
    gh.fake.mergePull('acme/licenses', 2);
    const granted = await run('granted', { 'github.event.pull_request.number': '2' }, { action: 'closed', pull_request: { number: 2, merged: true } });
    expect(granted.jobs.granted!.steps.filter((s) => !s.uses && !s.skipped)[0]).toMatchObject({ code: 0, stdout: 'issue #1: comment created; closed\n' });
    expect(gh.fake.repo('acme/licenses').issues.find((i) => i.number === issue)!.state).toBe('closed');
    expect(readdirSync(repo.dir).filter((f) => f.startsWith('pwned'))).toEqual([]);
  });
});

describe('the renewals workflow', () => {
  // Idle about 2.5 s (3.7 s CPU); 13-16 s at load 10 on 2 cores. Budget: 3x the loaded time.
  it('opens a reminder issue and a renewal pull request for a contract inside its decision window, once', { timeout: 50_000 }, async () => {
    const repo = checkout();
    const ctx = { workspace: repo.dir, env: gh.fake.env(), expressions: { 'github.token': gh.fake.env().GITHUB_TOKEN! } };
    // The fixture contract ends 2026-12-31 with 30 days' notice: on 2026-11-20 its cancel-by date is 11 days away.
    const run = await runWorkflow('renewals.yml', { ...ctx, env: { ...ctx.env, LAC_TODAY: '2026-11-20' } });
    expect(run.steps[0]).toMatchObject({ code: 0 });
    expect(run.steps[0]!.stdout).toContain('issue #1 renewal/figma-2026/2026-12-31: created\nlac/renewal/figma-2026: pushed; pull request #2 created\n');
    const issues = gh.fake.repo('acme/licenses').issues.filter((i) => !i.pull && i.title.includes('figma-2026'));
    expect(issues).toHaveLength(1);
    expect(remote.branchSha('lac/renewal/figma-2026')).not.toBe('');
    gh.fake.clearRequests();
    await runWorkflow('renewals.yml', { ...ctx, env: { ...ctx.env, LAC_TODAY: '2026-11-20' } });
    expect(gh.fake.writes()).toEqual([]);
  });
});

describe('the discover workflow', () => {
  it('proposes the discovery snapshots as one pull request and opens one issue per undeclared app, once', { timeout: 60_000 }, async () => {
    const org = `${ORG}discovery:\n  sources:\n    - { id: cards, source: expenses, config: { path: exports/cards.csv, preset: ramp } }\n`;
    const repo = remote.clone({ ...files({ 'inventory/org.yaml': org }), 'exports/cards.csv': 'Date,Merchant,Amount,Currency,User\n2026-10-02,LOOM.COM,15.00,EUR,bob\n2026-11-02,LOOM.COM,15.00,EUR,bob\n' });
    repos.push(repo);
    const ctx = { workspace: repo.dir, env: { ...gh.fake.env(), LAC_TODAY: '2026-11-20' }, expressions: { 'github.token': gh.fake.env().GITHUB_TOKEN! } };
    const run = await runWorkflow('discover.yml', ctx);
    expect(run.steps[0]).toMatchObject({ code: 0, stderr: '' });
    expect(run.steps[0]!.stdout).toContain('published: pushed; pull request #1 created\n');
    expect(run.steps[0]!.stdout).toContain('issue #2 discover/cards/loom-com: created\n');
    gh.fake.clearRequests();
    await runWorkflow('discover.yml', ctx);
    expect(gh.fake.writes()).toEqual([]);
  });
});

describe('the site workflow', () => {
  // Idle about 3 s (4.5 s CPU); 13-18 s at load 10 on 2 cores. Budget: 3x the loaded time.
  it('builds the report site under the Pages sub-path, ready for upload-pages-artifact', { timeout: 60_000 }, async () => {
    const repo = checkout();
    const run = await runWorkflow('site.yml', { workspace: repo.dir, env: { ...gh.fake.env(), LAC_TODAY: '2026-03-10' }, expressions: { 'steps.pages.outputs.base_path': '/licenses' } });
    expect(run.steps).toHaveLength(1);
    expect(run.steps[0]).toMatchObject({ code: 0 });
    const index = readFileSync(join(repo.dir, '_site', 'index.html'), 'utf8');
    expect(index).toContain('href="/licenses/');
    expect(existsSync(join(repo.dir, '_site', 'licenses'))).toBe(true);
  });
});
