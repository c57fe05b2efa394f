import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKey } from '../../src/github/index.ts';
import { useGitHubFake } from '../support/github-fake/hooks.ts';
import { tempRepo, type TestRepo } from '../support/git.ts';
import { figmaUsage, lac, renewalFiles } from './helpers.ts';

// The remote is a real bare repository; the fake GitHub reads its branches from it.
const bareRoot = mkdtempSync(join(tmpdir(), 'lac-remote-'));
const bare = join(bareRoot, 'licenses.git');
execFileSync('git', ['init', '-q', '--bare', '-b', 'main', bare]);
const gh = useGitHubFake({ repos: [{ name: 'acme/licenses', gitDir: bare }] });

let repo: TestRepo;
beforeAll(() => {
  repo = tempRepo();
  repo.commit(renewalFiles({ 'inventory/usage/figma.yaml': figmaUsage('2026-09-01T06:00:00Z', 13, 2) }), { message: 'Inventory', date: '2026-09-01T08:00:00Z' });
  repo.git(['remote', 'add', 'origin', bare]);
  repo.git(['push', '-q', 'origin', 'main']);
});
afterAll(() => {
  repo.cleanup();
  rmSync(bareRoot, { recursive: true, force: true });
});

const remote = (args: string[]) => execFileSync('git', ['--git-dir', bare, ...args], { encoding: 'utf8' });
const branchSha = (b: string) => remote(['rev-parse', `refs/heads/${b}`]).trim();
const pulls = () => gh.fake.state.repo('acme', 'licenses')!.issues.filter((i) => i.pull);

async function run(today: string) {
  const r = await lac(['renewals', '--open-prs', '--today', today, '--root', repo.dir], { env: gh.fake.env() });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

describe('lac renewals --open-prs', () => {
  it('pushes the next term to lac/renewal/<contract> and opens a pull request; only the changed lines differ', async () => {
    const out = await run('2026-10-20');
    expect(out).toContain('lac/renewal/figma-2026: pushed; pull request #1 created');
    expect(out).toContain('lac/renewal/zoom-2026: pushed; pull request #2 created');
    const diff = remote(['diff', '-U0', 'main', 'lac/renewal/figma-2026']).split('\n').filter((l) => /^[-+][^-+]/.test(l));
    expect(diff).toEqual([
      '-start: 2026-01-01',
      '-end: 2026-12-31 # renews by itself',
      '+start: 2027-01-01',
      '+end: 2027-12-31 # renews by itself',
      '-  decision: undecided',
      '+  decision: undecided # for a person: renew, renegotiate or cancel',
      '-  - { license: figma, tier: full, quantity: 20, unit_price: "540.00", pack_size: 5 }',
      '+  - { license: figma, tier: full, quantity: 15, unit_price: "540.00", pack_size: 5 }',
    ]);
    const [figma] = pulls();
    expect(figma!.title).toBe('Renew Figma Organization 2026: 2027-01-01 to 2027-12-31');
    expect(figma!.pull).toMatchObject({ head: 'lac/renewal/figma-2026', base: 'main', requested_reviewers: ['ada-l'] });
    expect(figma!.labels.sort()).toEqual(['lac', 'licenses', 'renewal']);
    expect(parseKey(figma!.body)).toBe('renewal-pr/figma-2026/2026-12-31');
    expect(figma!.body).toContain('| figma / full | 20 | 15 |');
    expect(figma!.body).toContain('- `figma/full`: 13 seats in use in the usage snapshot of 2026-09-01 (no other snapshot in the usage window); + 10% headroom: 15 seats; rounded up to packs of 5: 15 seats; 5 fewer than today\'s 20');
    expect(figma!.body).toContain('- [ ] Set `renewal.decision` (renew or renegotiate)');
    // The user's checkout is untouched: still on main, nothing staged.
    expect(repo.git(['status', '--porcelain']).trim()).toBe('');
    expect(repo.git(['rev-parse', '--abbrev-ref', 'HEAD']).trim()).toBe('main');
  });

  it('writes nothing when run again: no push, no API write', async () => {
    const before = branchSha('lac/renewal/figma-2026');
    gh.fake.clearRequests();
    expect(await run('2026-10-20')).toContain('lac/renewal/figma-2026: unchanged; pull request #1 unchanged');
    expect(gh.fake.writes()).toEqual([]);
    expect(branchSha('lac/renewal/figma-2026')).toBe(before);
  });

  it('updates the branch and the pull request when the recommendation changes', async () => {
    repo.commit({ 'inventory/usage/figma.yaml': figmaUsage('2026-10-15T06:00:00Z', 22) }, { message: 'Usage', date: '2026-10-15T08:00:00Z' });
    repo.git(['push', '-q', 'origin', 'main']);
    gh.fake.clearRequests();
    const out = await run('2026-10-20');
    expect(out).toContain('lac/renewal/figma-2026: pushed; pull request #1 updated');
    expect(remote(['show', 'lac/renewal/figma-2026:inventory/contracts/figma-2026.yaml'])).toContain('{ license: figma, tier: full, quantity: 25, unit_price: "540.00", pack_size: 5 }');
    expect(pulls()[0]!.body).toContain('| figma / full | 20 | 25 |');
    expect(pulls()).toHaveLength(2);
    expect(gh.fake.writes().map((w) => `${w.method} ${w.route}`)).toEqual(['PATCH /repos/{owner}/{repo}/pulls/{pull_number}']);
  });
});
