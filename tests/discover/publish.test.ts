// `lac discover --publish`: the snapshots proposed as one pull request on lac/discover, through a
// real bare remote and the fake GitHub; a re-run with the same data writes nothing.
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { lac } from '../support/cli.ts';
import type { TestRepo } from '../support/git.ts';
import { useGitHubFake } from '../support/github-fake/hooks.ts';
import { bareRemote } from '../support/remote.ts';
import { files, ORG } from '../support/inventory.ts';

const remote = bareRemote();
const gh = useGitHubFake({ repos: [{ name: 'acme/licenses', gitDir: remote.path }], resetEach: true });
const repos: TestRepo[] = [];
afterEach(() => {
  repos.splice(0).forEach((r) => r.cleanup());
  remote.clear();
});

const ORG_WITH_CARDS = `${ORG}discovery:\n  sources:\n    - { id: cards, source: expenses, config: { path: exports/cards.csv, preset: ramp } }\n`;
const CSV = 'Date,Merchant,Amount,Currency,User\n2026-10-02,LOOM.COM,15.00,EUR,bob@test.example\n2026-11-02,LOOM.COM,15.00,EUR,bob@test.example\n';

describe('lac discover --publish', () => {
  it('proposes the snapshots as one pull request, and changes nothing on a re-run', async () => {
    const repo = remote.clone({ ...files({ 'inventory/org.yaml': ORG_WITH_CARDS }), 'exports/cards.csv': CSV });
    repos.push(repo);
    const env = gh.fake.env();
    const first = await lac(['discover', '--publish', '--root', repo.dir, '--today', '2026-11-20'], { env });
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('published: pushed; pull request #1 created');
    const sha = remote.branchSha('lac/discover');
    expect(execFileSync('git', ['--git-dir', remote.path, 'show', `${sha}:inventory/discovered/cards.yaml`], { encoding: 'utf8' })).toContain('{ app: loom-com, name: LOOM.COM, users: 1, first_seen: 2026-10-02, last_seen: 2026-11-02, spend_90d: "30.00", recurring: true }');
    const pr = gh.fake.repo('acme/licenses').issues.find((i) => i.number === 1)!;
    expect(pr.title).toBe('Discovery snapshots of 2026-11-20');
    expect(pr.body).toContain('| `inventory/discovered/cards.yaml` | 1 |  |');
    gh.fake.clearRequests();
    const again = await lac(['discover', '--publish', '--root', repo.dir, '--today', '2026-11-20'], { env });
    expect(again.stdout).toContain('published: unchanged; pull request #1 unchanged');
    expect(gh.fake.writes()).toEqual([]);
    expect(remote.branchSha('lac/discover')).toBe(sha);
  });
});
