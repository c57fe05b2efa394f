import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hardeningProblems } from '../../src/workflows/harden.ts';
import { schemaErrors } from '../support/workflow-schema.ts';

const dir = join(import.meta.dirname, '..', '..', '.github', 'workflows');
const workflows = readdirSync(dir).filter((f) => f.endsWith('.yml')).sort();

describe('the workflows', () => {
  it('are the five the product needs', () => {
    expect(workflows).toEqual(['check.yml', 'reclaim.yml', 'renewals.yml', 'site.yml', 'usage.yml']);
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
    ['event text inside run:', GOOD.replace('echo "$TITLE"', 'echo "${{ github.event.pull_request.title }}"'), 'expression-in-run'],
    ['pull_request_target', GOOD.replace('on: pull_request', 'on: pull_request_target'), 'pull-request-target'],
    ['no concurrency group', GOOD.replace('concurrency: x\n', ''), 'missing-concurrency'],
    ['no timeout', GOOD.replace('    timeout-minutes: 5\n', ''), 'missing-timeout'],
    ['persisted credentials in a read-only job', GOOD.replace('        with: { persist-credentials: false }\n', ''), 'persisted-credentials'],
  ])('%s', (_name, text, rule) => {
    expect(hardeningProblems(text).map((p) => p.rule)).toEqual([rule]);
  });
  it('a workflow the schema rejects', () => {
    expect(schemaErrors(GOOD.replace('runs-on: ubuntu-latest', 'runs_on: ubuntu-latest')).length).toBeGreaterThan(0);
  });
});
