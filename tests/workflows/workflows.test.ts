import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hardeningProblems } from '../../src/workflows/harden.ts';
import { schemaErrors } from '../support/workflow-schema.ts';

const dir = join(import.meta.dirname, '..', '..', '.github', 'workflows');
const workflows = readdirSync(dir).filter((f) => f.endsWith('.yml')).sort();

/** Each job's token scopes, and why it needs each; a scope not listed here fails the test below. */
const LEAST_PRIVILEGE: Record<string, Record<string, Record<string, string>>> = {
  // read the inventory; post the sticky comment on the pull request
  'check.yml': { check: { contents: 'read', 'pull-requests': 'write' } },
  // push lac/reclaim/* branches; open and update their pull requests
  'reclaim.yml': { reclaim: { contents: 'write', 'pull-requests': 'write' } },
  // push lac/renewal/* branches; reminder issues and their comments; renewal pull requests
  'renewals.yml': { renewals: { contents: 'write', issues: 'write', 'pull-requests': 'write' } },
  // tests read the checkout; publishing creates the GitHub release and signs npm provenance with an OIDC token
  'release.yml': { test: { contents: 'read' }, publish: { contents: 'write', 'id-token': 'write' } },
  // build reads the history; deploy-pages writes Pages and proves the workflow with an OIDC token
  'site.yml': { build: { contents: 'read', 'pull-requests': 'read' }, deploy: { pages: 'write', 'id-token': 'write' } },
  // push the lac/people branch; open its pull request
  'people.yml': { pull: { contents: 'write', 'pull-requests': 'write' } },
  // push the lac/discover branch, open its pull request; one issue per undeclared app
  'discover.yml': { discover: { contents: 'write', issues: 'write', 'pull-requests': 'write' } },
  // push the lac/usage branch (or the default branch); open its pull request
  'usage.yml': { pull: { contents: 'write', 'pull-requests': 'write' } },
  // request: push lac/request/<issue>, open its pull request, answer on the issue; granted: read the merged pull request, comment on and close its issue
  'request.yml': { request: { contents: 'write', issues: 'write', 'pull-requests': 'write' }, granted: { contents: 'read', issues: 'write', 'pull-requests': 'read' } },
};

describe('the workflows', () => {
  it('are the eight a license repository needs and the release of lac itself', () => {
    expect(workflows).toEqual(['check.yml', 'discover.yml', 'people.yml', 'reclaim.yml', 'release.yml', 'renewals.yml', 'request.yml', 'site.yml', 'usage.yml']);
  });

  it.each(workflows)('%s grants nothing at the top and each job only the scopes listed here, for the reason given', (file) => {
    const wf = parse(readFileSync(join(dir, file), 'utf8')) as { permissions: unknown; jobs: Record<string, { permissions?: unknown }> };
    expect(wf.permissions).toEqual({});
    const granted = Object.fromEntries(Object.entries(wf.jobs).map(([name, job]) => [name, job.permissions]));
    expect(granted).toEqual(LEAST_PRIVILEGE[file]);
  });

  it.each(workflows)('%s passes the published GitHub workflow schema and the hardening rules', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    expect(schemaErrors(text)).toEqual([]);
    expect(hardeningProblems(text)).toEqual([]);
  });

  it.each(workflows)('%s runs the repository\'s own lac', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const runs = text.split('\n').filter((l) => l.includes('lac '));
    for (const line of runs.filter((l) => /run: .*\blac\b/.test(l))) expect(line).toMatch(/npx lac /);
    expect(text).toContain('npm ci');
  });
});

/**
 * Expressions that expand to text people write (issue and pull request titles and bodies,
 * comments, branch names, commit messages): GitHub's "Security hardening for GitHub Actions"
 * lists them as untrusted input that must never be placed in a script.
 */
const UNTRUSTED = /\$\{\{[^}]*\b(github\.event\.(issue|pull_request|comment|review|review_comment|discussion|head_commit|commits|pages)\.(?!number\b)|github\.head_ref)/;

/** `run:` scripts and their steps' env values that carry untrusted text, per job and step. */
function untrustedInScripts(text: string): string[] {
  const wf = parse(text) as { jobs: Record<string, { steps?: Array<{ name?: string; run?: string; env?: Record<string, unknown> }> }> };
  return Object.entries(wf.jobs).flatMap(([job, j]) =>
    (j.steps ?? []).flatMap((step, i) => (typeof step.run === 'string' && UNTRUSTED.test(step.run) ? [`${job} step ${step.name ?? i + 1}`] : [])),
  );
}

describe('issue and pull request text', () => {
  it.each(workflows)('%s places none in a run: script', (file) => {
    expect(untrustedInScripts(readFileSync(join(dir, file), 'utf8'))).toEqual([]);
  });

  it('the request workflow hands its scripts the issue and pull request numbers only, through env', () => {
    const text = readFileSync(join(dir, 'request.yml'), 'utf8');
    const wf = parse(text) as { jobs: Record<string, { steps: Array<{ run?: string; env?: Record<string, string> }> }> };
    const events = Object.values(wf.jobs).flatMap((j) => j.steps.flatMap((s) => Object.values(s.env ?? {}).filter((v) => v.includes('github.event'))));
    expect(events.sort()).toEqual(['${{ github.event.issue.number }}', '${{ github.event.pull_request.number }}']);
    expect(text).not.toMatch(/github\.event\.(issue|pull_request)\.(title|body)/);
  });

  it.each([
    ['an issue title', 'echo "${{ github.event.issue.title }}"'],
    ['a pull request body', 'echo "${{ github.event.pull_request.body }}"'],
    ['a head branch name', 'git checkout "${{ github.head_ref }}"'],
    ['a comment', 'echo ${{github.event.comment.body}}'],
  ])('the check finds %s in a script', (_name, script) => {
    expect(untrustedInScripts(`on: issues\njobs:\n  a:\n    steps:\n      - run: ${JSON.stringify(script)}\n`)).toEqual(['a step 1']);
  });

  it('the check lets an issue number pass', () => {
    expect(untrustedInScripts('on: issues\njobs:\n  a:\n    steps:\n      - run: "lac request --issue ${{ github.event.issue.number }}"\n')).toEqual([]);
  });
});

const GOOD = `name: x
on: pull_request
permissions: {}
concurrency: x
jobs:
  a:
    runs-on: ubuntu-latest
    timeout-minutes: 5
    permissions: { contents: read }
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
        with: { persist-credentials: false }
      - run: echo "$TITLE"
        env: { TITLE: "\${{ github.event.pull_request.title }}" }
`;

describe('the hardening rules catch', () => {
  it('nothing on a hardened workflow', () => {
    expect(hardeningProblems(GOOD)).toEqual([]);
    expect(schemaErrors(GOOD)).toEqual([]);
  });
  it.each([
    ['an unpinned action', GOOD.replace('actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683', 'actions/checkout@v4'), 'unpinned-action'],
    ['a missing top-level permissions block', GOOD.replace('permissions: {}\n', ''), 'missing-permissions'],
    ['a job without permissions', GOOD.replace('    permissions: { contents: read }\n', ''), 'missing-permissions'],
    ['write permissions at the top', GOOD.replace('permissions: {}', 'permissions: { contents: write }'), 'broad-permissions'],
    ['read permissions at the top', GOOD.replace('permissions: {}', 'permissions: { contents: read }'), 'broad-permissions'],
    ['read-all at the top', GOOD.replace('permissions: {}', 'permissions: read-all'), 'broad-permissions'],
    ['write-all for a job', GOOD.replace('permissions: { contents: read }', 'permissions: write-all'), 'broad-permissions'],
    ['an action at a tag', GOOD.replace('actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683', 'actions/checkout@v4.2.2'), 'unpinned-action'],
    ['an image by tag', GOOD.replace('actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683', 'docker://alpine:3.20'), 'unpinned-action'],
    ['a reusable workflow at a branch', GOOD.replace('    timeout-minutes: 5\n', '').replace(/    steps:[\s\S]*/, '    uses: acme/ci/.github/workflows/x.yml@main\n'), 'unpinned-action'],
    ['event text inside run:', GOOD.replace('echo "$TITLE"', 'echo "${{ github.event.pull_request.title }}"'), 'expression-in-run'],
    ['pull_request_target', GOOD.replace('on: pull_request', 'on: pull_request_target'), 'pull-request-target'],
    ['no concurrency group', GOOD.replace('concurrency: x\n', ''), 'missing-concurrency'],
    ['no timeout', GOOD.replace('    timeout-minutes: 5\n', ''), 'missing-timeout'],
    ['persisted credentials in a read-only job', GOOD.replace('        with: { persist-credentials: false }\n', ''), 'persisted-credentials'],
  ])('%s', (_name, text, rule) => {
    expect(hardeningProblems(text).map((p) => p.rule)).toEqual([rule]);
  });
  it('nothing on an image by digest or a reusable workflow at a commit', () => {
    expect(hardeningProblems(GOOD.replace('actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683', `docker://alpine@sha256:${'a'.repeat(64)}`))).toEqual([]);
    expect(hardeningProblems(GOOD.replace('    timeout-minutes: 5\n', '').replace(/    steps:[\s\S]*/, `    uses: acme/ci/.github/workflows/x.yml@${'b'.repeat(40)}\n`))).toEqual([]);
  });
  it('a workflow the schema rejects', () => {
    expect(schemaErrors(GOOD.replace('runs-on: ubuntu-latest', 'runs_on: ubuntu-latest')).length).toBeGreaterThan(0);
  });
});
