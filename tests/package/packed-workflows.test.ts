// The workflows `lac init` writes, run as GitHub runs them in a license repository made from the
// packed package: each job's steps in order, the checkout a clone of the repository's GitHub copy
// (a bare repository the fake GitHub reads), the workflow's own `npm ci`, `npx lac` as installed,
// the token passed the way the workflow passes it, and the fake GitHub (checked against GitHub's
// OpenAPI description) answering the API calls.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubPort } from '../../src/github/index.ts';
import { LICENSE_WORKFLOWS } from '../../src/init/plan.ts';
import { runWorkflowFile, type RunWorkflowOptions, type WorkflowRun } from '../support/actions-runner.ts';
import { useGitHubFake } from '../support/github-fake/hooks.ts';
import { LICENSE, ORG, PEOPLE, files } from '../support/inventory.ts';
import { initLicenseRepo, sh, userEnv } from '../support/packed.ts';
import { bareRemote } from '../support/remote.ts';

const root = mkdtempSync(join(tmpdir(), 'lac-packed-wf-'));
// Several installed node_modules: removing them takes a while on a loaded machine.
afterAll(() => rmSync(root, { recursive: true, force: true }), 300_000);
const remote = bareRemote();
const gh = useGitHubFake({ repos: [{ name: 'acme/licenses', gitDir: remote.path }] });
const env = userEnv();
let repo = '';
const workspaces: string[] = [];
afterEach(() => workspaces.splice(0).forEach((w) => rmSync(w, { recursive: true, force: true })), 300_000);

const CSV_LICENSE = `${LICENSE}usage:\n  source: csv\n  config: { path: exports/figma.csv, columns: { account: Email, last_active: Last Seen } }\n`;
// Bob holds a paid seat he has not used since October: reclaim proposes it.
const SEATS = 'license: figma\nseats:\n  - { person: ada, tier: full, since: 2026-01-05 }\n  - { person: bob, tier: full, since: 2026-01-05 }\n';

beforeAll(() => {
  repo = initLicenseRepo(root, {
    ...files({
      'inventory/licenses/figma.yaml': CSV_LICENSE, 'inventory/org.yaml': ORG.replace('Test Co', 'Acme Corp'), 'inventory/assignments/figma.yaml': SEATS,
      // Eve holds no seat yet: she asks for one through the request issue form.
      'inventory/people.yaml': `${PEOPLE}  - { id: eve, name: Eve Free, email: eve@test.example, department: eng, status: active, start: 2023-01-01 }\n`,
    }),
    'exports/figma.csv': 'Email,Last Seen\nada@test.example,2026-03-01\nbob@test.example,2025-10-01\n',
    // Pushed as lac init wrote it: each workflow's `npm ci` installs the lockfile lac init wrote.
  }, env, { install: false });
  sh('git', ['remote', 'add', 'origin', remote.path], repo, env);
  expect(sh('git', ['push', '-q', 'origin', 'main'], repo, env).code).toBe(0);
}, 900_000);

/** Runs one of the repository's workflows from a fresh checkout of `ref`. */
async function run(workflow: string, ref: string, extra: Partial<RunWorkflowOptions> = {}): Promise<WorkflowRun> {
  const workspace = mkdtempSync(join(root, 'ws-'));
  rmSync(workspace, { recursive: true });
  workspaces.push(workspace);
  // GitHub gives the token to the steps that the workflow passes it to, not to every process.
  const { GITHUB_TOKEN: token, ...githubEnv } = gh.fake.env();
  return runWorkflowFile({
    file: join(repo, '.github/workflows', workflow),
    workspace,
    checkout: { remote: remote.path, ref },
    env: { ...githubEnv, ...env, LAC_TODAY: '2026-03-10', ...extra.env },
    context: { 'github.token': token!, 'github.repository': 'acme/licenses', ...extra.context },
    lac: 'installed',
    ...(extra.event ? { event: extra.event } : {}),
    ...(extra.jobs ? { jobs: extra.jobs } : {}),
  });
}

const failures = (r: WorkflowRun) => Object.entries(r.jobs).flatMap(([job, j]) => j.steps.filter((s) => s.code !== 0).map((s) => `${job}: ${s.name}: ${s.stderr.slice(-2000)}`));

// Budgets hold on a loaded 2-core machine: each workflow installs with npm ci (about 12 s idle).
describe('the workflows lac init wrote, run as GitHub runs them', { timeout: 600_000 }, () => {
  it('are the license-repository workflows', () => {
    expect(sh('ls', ['.github/workflows'], repo, env).stdout.split('\n').filter(Boolean)).toEqual(LICENSE_WORKFLOWS);
  });

  it('check: annotations, the change in the job summary and one sticky comment on the pull request', async () => {
    sh('git', ['checkout', '-q', '-b', 'bob-to-viewer'], repo, env);
    writeFileSync(join(repo, 'inventory/assignments/figma.yaml'), SEATS.replace('person: bob, tier: full', 'person: bob, tier: viewer'));
    sh('git', ['commit', '-q', '-am', 'Bob to a viewer seat'], repo, env);
    sh('git', ['push', '-q', 'origin', 'bob-to-viewer'], repo, env);
    sh('git', ['checkout', '-q', 'main'], repo, env);
    const { number } = await createGitHubPort({ env: gh.fake.env() }).ensureIssue({ key: 'test/pr', title: 'Bob to a viewer seat', body: '' });
    const event = { pull_request: { number, head: { repo: { full_name: 'acme/licenses' } } } };
    const r = await run('check.yml', 'bob-to-viewer', { event, context: { 'github.base_ref': 'main', 'github.event.pull_request.head.repo.full_name': 'acme/licenses' } });
    expect(failures(r)).toEqual([]);
    const steps = r.jobs.check!.steps;
    // The install ran, without the `node` dev dependency: setup-node has brought Node 24.
    expect(steps.find((s) => s.name === 'npm ci --omit=dev')).toMatchObject({ code: 0 });
    expect(existsSync(join(workspaces.at(-1)!, 'node_modules/lac/bin/lac.js'))).toBe(true);
    expect(existsSync(join(workspaces.at(-1)!, 'node_modules/node'))).toBe(false);
    // --format github prints workflow annotations only: none for a clean change.
    expect(steps.find((s) => s.name === 'Check the inventory')).toMatchObject({ code: 0, stdout: '' });
    expect(r.summary).toContain('### What this change does');
    expect(r.summary).toContain('Bob Byte (bob)');
    expect(gh.fake.repo('acme/licenses').comments.filter((c) => c.issue_number === number)).toHaveLength(1);
  });

  it('usage: pulls every source and proposes the snapshots as one pull request', async () => {
    const r = await run('usage.yml', 'main');
    expect(failures(r)).toEqual([]);
    expect(r.jobs.pull!.steps.at(-1)!.stdout).toContain('figma: 2 accounts, 2 matched, 0 unmatched: wrote inventory/usage/figma.yaml');
    const pr = gh.fake.repo('acme/licenses').issues.find((i) => i.pull && i.title.startsWith('Usage snapshots'));
    expect(pr?.body).toContain('figma');
    expect(remote.branchSha('lac/usage')).not.toBe('');
  });

  it('people: with no directory source configured, the scheduled run passes and proposes nothing', async () => {
    const r = await run('people.yml', 'main');
    expect(failures(r)).toEqual([]);
    expect(r.jobs.pull!.steps.at(-1)!.stdout).toContain('nothing to pull');
    expect(remote.branchSha('lac/people')).toBe('');
  });

  it('discover: with no discovery source configured, the scheduled run passes and opens nothing', async () => {
    const r = await run('discover.yml', 'main');
    expect(failures(r)).toEqual([]);
    expect(r.jobs.discover!.steps.at(-1)!.stdout).toContain('nothing to discover');
    expect(remote.branchSha('lac/discover')).toBe('');
  });

  it('reclaim: one pull request per license for the seats to reclaim', async () => {
    // The usage pull request of the test before is merged: main has the snapshot reclaim reads.
    sh('git', ['pull', '-q', '--ff-only', 'origin', 'lac/usage'], repo, env);
    expect(sh('git', ['push', '-q', 'origin', 'main'], repo, env).code).toBe(0);
    const r = await run('reclaim.yml', 'main', { env: { LAC_TODAY: '2026-03-10' } });
    expect(failures(r)).toEqual([]);
    const prs = gh.fake.repo('acme/licenses').issues.filter((i) => i.pull && i.title.startsWith('Reclaim'));
    expect(prs).toHaveLength(1);
    expect(prs[0]!.body).toContain('bob');
    expect(remote.branchSha('lac/reclaim/figma')).not.toBe('');
  });

  it('renewals: a reminder issue and a renewal pull request inside the decision window', async () => {
    const r = await run('renewals.yml', 'main', { env: { LAC_TODAY: '2026-11-20' } });
    expect(failures(r)).toEqual([]);
    const issues = gh.fake.repo('acme/licenses').issues;
    expect(issues.filter((i) => !i.pull && i.title.includes('figma-2026'))).toHaveLength(1);
    expect(remote.branchSha('lac/renewal/figma-2026')).not.toBe('');
  });

  it('request: a license request issue answered with a pull request that adds the seat', async () => {
    const body = '### Person\n\neve\n\n### License\n\nfigma\n\n### Tier\n\nviewer\n\n### Why\n\nReviews the designs.\n\n### Needed from\n\n_No response_';
    const issue = gh.fake.openIssue('acme/licenses', { title: 'License request: Figma for Eve', body, labels: ['license-request'] });
    const event = { action: 'opened', issue: { number: issue } };
    // The granted job runs on a merged pull request (tests/workflows/run-steps.test.ts runs it).
    const r = await run('request.yml', 'main', { event, context: { 'github.event.issue.number': String(issue) }, jobs: ['request'] });
    expect(failures(r)).toEqual([]);
    const repoState = gh.fake.repo('acme/licenses');
    const pr = repoState.issues.find((i) => i.pull && i.body?.includes(`Closes #${issue}`));
    expect(pr?.title).toBe(`License request #${issue}: Figma viewer for Eve Free`);
    const seats = sh('git', ['--git-dir', remote.path, 'show', `lac/request/${issue}:inventory/assignments/figma.yaml`], repo, env).stdout;
    expect(seats).toBe(`${SEATS}  - { person: eve, tier: viewer, since: 2026-03-10 }\n`);
    expect(repoState.comments.filter((c) => c.issue_number === issue)).toHaveLength(1);
  });

  it('site: builds under the Pages sub-path and hands the folder to the Pages deployment', async () => {
    const r = await run('site.yml', 'main');
    expect(failures(r)).toEqual([]);
    expect(Object.keys(r.jobs)).toEqual(['build', 'deploy']);
    expect(r.pagesArtifacts).toHaveLength(1);
    const index = readFileSync(join(r.pagesArtifacts[0]!, 'index.html'), 'utf8');
    expect(index).toContain('href="/licenses/');
  });
});
