import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lac } from '../support/cli.ts';
import type { TestRepo } from '../support/git.ts';
import { useGitHubFake } from '../support/github-fake/hooks.ts';
import { bareRemote } from '../support/remote.ts';
import { files, LICENSE, ORG } from '../support/inventory.ts';

const remote = bareRemote();
const bare = remote.path;

const gh = useGitHubFake({ repos: [{ name: 'acme/licenses', gitDir: bare }], resetEach: true });
const repos: TestRepo[] = [];
afterEach(() => {
  repos.splice(0).forEach((r) => r.cleanup());
  remote.clear();
});

const CSV_LICENSE = `${LICENSE}usage:\n  source: csv\n  config: { path: exports/figma.csv, columns: { account: Email, last_active: Last Seen } }\n`;
const CSV = 'Email,Last Seen\nada@test.example,2026-03-01\nbob@test.example,2026-02-20\n';

function clone(org = ORG): TestRepo {
  const repo = remote.clone({ ...files({ 'inventory/licenses/figma.yaml': CSV_LICENSE, 'inventory/org.yaml': org }), 'exports/figma.csv': CSV });
  repos.push(repo);
  return repo;
}

const branchSha = remote.branchSha;

describe('lac pull --publish', () => {
  it('proposes new snapshots as one pull request, changes nothing on a re-run, and updates it after a change', async () => {
    const repo = clone();
    const env = gh.fake.env();
    const first = await lac(['pull', 'figma', '--publish', '--root', repo.dir, '--today', '2026-03-10'], { env });
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('published (pull-request): pushed; pull request #1 created');
    const pushed = branchSha('lac/usage');
    expect(execFileSync('git', ['--git-dir', bare, 'show', `${pushed}:inventory/usage/figma.yaml`], { encoding: 'utf8' })).toContain('{ account: ada@test.example, person: ada, last_active: 2026-03-01 }');
    const pull = gh.fake.repo('acme/licenses').issues.find((i) => i.number === 1)!;
    expect(pull.title).toBe('Usage snapshots of 2026-03-10');
    expect(pull.body).toContain('| figma | 2 | 2 | 0 |');
    // Only figma was named: the body says the command that ran, not `lac pull --all` (issue 11).
    expect(pull.body).toContain('by `lac pull figma --publish`.');
    expect(pull.body).not.toContain('--all');

    gh.fake.clearRequests();
    const again = await lac(['pull', 'figma', '--publish', '--root', repo.dir, '--today', '2026-03-10'], { env });
    expect(again.stdout).toContain('published (pull-request): unchanged; pull request #1 unchanged');
    expect(gh.fake.writes()).toEqual([]);
    expect(branchSha('lac/usage')).toBe(pushed);

    writeFileSync(join(repo.dir, 'exports/figma.csv'), CSV.replace('2026-02-20', '2026-03-09'));
    const changed = await lac(['pull', 'figma', '--publish', '--root', repo.dir, '--today', '2026-03-10'], { env });
    expect(changed.stdout).toContain('published (pull-request): pushed; pull request #1 unchanged');
    expect(branchSha('lac/usage')).not.toBe(pushed);
    // The user's branch and index are untouched: only the snapshot file in the working tree changed.
    expect(repo.git(['rev-parse', '--abbrev-ref', 'HEAD']).trim()).toBe('main');
    expect(repo.git(['status', '--porcelain']).split('\n').filter(Boolean).sort()).toEqual([' M exports/figma.csv', '?? inventory/usage/']);
  });

  it('pushes to the current branch when org.yaml says usage_updates: push', async () => {
    const repo = clone(`${ORG}github: { usage_updates: push }\n`);
    const r = await lac(['pull', 'figma', '--publish', '--root', repo.dir, '--today', '2026-03-10'], { env: gh.fake.env() });
    expect(r.stdout).toContain('published (push): pushed');
    expect(branchSha('main')).toBe(repo.git(['rev-parse', 'HEAD']).trim());
    expect(repo.git(['log', '-1', '--format=%s']).trim()).toBe('Usage snapshots of 2026-03-10');
    expect(gh.fake.writes()).toEqual([]);
  });
});
