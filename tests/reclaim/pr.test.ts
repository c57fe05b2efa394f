import { lac } from '../support/cli.ts';
// The reclaim pull request end to end: a real git repository with a bare remote, the real octokit
// against the fake GitHub (every request and response checked against GitHub's OpenAPI description).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssueState, RepoState } from '../support/github-fake/index.ts';
import { useGitHubFake } from '../support/github-fake/hooks.ts';
import { tempRepo, type TestRepo } from '../support/git.ts';
import { unsourced } from '../report/figures.ts';
import { FIGMA_SEATS, FIGMA_USAGE, modelFiles, TODAY } from './fixtures.ts';

const gh = useGitHubFake();
const BRANCH = 'lac/reclaim/figma';
const DEE = '  - { person: dee, tier: full, since: 2025-06-01 }\n';
const CY = '  - { person: cy, tier: full, since: 2025-01-05 }\n';

interface World {
  repo: TestRepo;
  bare: string;
  gh: RepoState;
  env: Record<string, string>;
  cleanup(): void;
}

let counter = 0;
/** A license repository on main, pushed to a bare remote that backs a fake GitHub repository. */
function world(): World {
  const repo = tempRepo();
  const root = mkdtempSync(join(tmpdir(), 'lac-remote-'));
  const bare = join(root, 'licenses.git');
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', bare]);
  repo.commit(modelFiles(), { message: 'Inventory', date: '2026-03-01T09:00:00Z' });
  repo.git(['remote', 'add', 'origin', bare]);
  repo.git(['push', '-q', 'origin', 'main']);
  const name = `acme/licenses-${++counter}`;
  const state = gh.fake.state.addRepo(name, { gitDir: bare });
  return { repo, bare, gh: state, env: gh.fake.env(state), cleanup: () => { repo.cleanup(); rmSync(root, { recursive: true, force: true }); } };
}

const reclaim = (w: World, extra: string[] = []) => lac(['reclaim', '--open-pr', '--today', TODAY, ...extra], { cwd: w.repo.dir, env: w.env });
const pulls = (w: World) => w.gh.issues.filter((i): i is IssueState & { pull: NonNullable<IssueState['pull']> } => i.pull !== undefined);
const bareGit = (w: World, args: string[]) => execFileSync('git', ['--git-dir', w.bare, ...args], { encoding: 'utf8' }).trim();
const visible = (body: string | null) => (body ?? '').replace(/\n*<!-- lac:[\s\S]*$/, '');

/** Pushes a commit to main, as a merged change to the inventory would. */
function pushMain(w: World, files: Record<string, string | null>, message: string): string {
  const sha = w.repo.commit(files, { message, date: '2026-03-09T09:00:00Z' });
  w.repo.git(['push', '-q', 'origin', 'main']);
  return sha;
}

describe('reclaim pull requests', () => {
  let w: World;
  beforeAll(() => {
    w = world();
  });
  afterAll(() => w.cleanup());

  it('first run: commits on lac/reclaim/figma, pushes, and opens one pull request with table, mentions, labels and reviewer', async () => {
    const r = await reclaim(w);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^figma: opened http\S+\/pull\/1 \(2 seats\)\n$/);
    const [pr] = pulls(w);
    expect(pr!.pull.head).toBe(BRANCH);
    expect(pr!.pull.base).toBe('main');
    expect(pr!.title).toBe('Reclaim 2 Figma seats: save 972.00 EUR a year');
    expect(pr!.labels.sort()).toEqual(['lac', 'license:figma', 'reclaim']);
    expect(pr!.pull.requested_reviewers).toEqual(['ada-l']);
    expect(visible(pr!.body)).toMatchInlineSnapshot(`
      "## Reclaim 2 Figma seats

      These seats of **Figma** look unused or larger than their use needs, per the usage snapshot \`inventory/usage/figma.yaml\` taken 2026-03-09T06:00:00Z and the reclaim policy.

      | Person | Tier | Last active | Days inactive | Reason | Saving a year |
      | --- | --- | --- | ---: | --- | ---: |
      | Cy Leaver (\`cy\`) | full | 2026-01-30 | 39 | remove: Cy Leaver left on 2026-01-31 | 486.00 EUR |
      | Dee Idle (@dee-i) | full | 2025-12-01 | 99 | remove: no activity for 99 days (policy: 60) | 486.00 EUR |

      **Total saving: 81.00 EUR a month, 972.00 EUR a year.**

      ### Objections until 2026-03-24

      @dee-i: your seat is proposed above. To keep a seat, say so in a comment, or restore its line in \`inventory/assignments/figma.yaml\` on this branch; lac will not propose it again while this pull request is open.

      <sub>Opened by \`lac reclaim --open-pr\` on 2026-03-10; inactive after 60 days, 14 days to object, no reclaim within 30 days of assignment. Merging this pull request frees the seats in the inventory; remove the accounts at the vendor too.</sub>"
    `);
    expect(pr!.body).toContain('<!-- lac:key=reclaim/figma -->');
    // The branch is main plus one commit that removes exactly the two lines, marked for `lac report`.
    const head = bareGit(w, ['rev-parse', BRANCH]);
    expect(bareGit(w, ['rev-parse', `${BRANCH}^`])).toBe(bareGit(w, ['rev-parse', 'main']));
    expect(bareGit(w, ['log', '-1', '--format=%B', head])).toContain('\n\nLac-Reclaim: figma');
    const diff = bareGit(w, ['diff', '-U0', 'main', BRANCH]).split('\n').filter((l) => /^[-+] /.test(l));
    expect(diff).toEqual([CY, DEE].map((l) => `-${l.trimEnd()}`));
  });

  it('second run with the same inventory: no commit, no push, no API write', async () => {
    const before = bareGit(w, ['rev-parse', BRANCH]);
    gh.fake.clearRequests();
    const r = await reclaim(w);
    expect(r.stdout).toMatch(/^figma: http\S+\/pull\/1 is up to date \(2 seats\)\n$/);
    expect(gh.fake.writes()).toEqual([]);
    expect(bareGit(w, ['rev-parse', BRANCH])).toBe(before);
  });

  it('a person restores a line on the branch: the seat is kept, explained, and not proposed again', async () => {
    // Dee objects and puts the line back in a commit of her own.
    const clone = mkdtempSync(join(tmpdir(), 'lac-clone-'));
    execFileSync('git', ['clone', '-q', '-b', BRANCH, w.bare, clone]);
    const human = ['-c', 'user.name=Dee Idle', '-c', 'user.email=dee@test.example'];
    execFileSync('git', ['-C', clone, 'checkout', '-q', 'origin/main', '--', 'inventory/assignments/figma.yaml']);
    execFileSync('git', ['-C', clone, ...human, 'commit', '-q', '-m', 'Keep my seat', '--', 'inventory/assignments/figma.yaml']);
    // ...then takes out cy's line again, leaving only hers restored.
    const text = FIGMA_SEATS.replace(CY, '');
    execFileSync('sh', ['-c', `printf '%s' "$0" > inventory/assignments/figma.yaml`, text], { cwd: clone });
    execFileSync('git', ['-C', clone, ...human, 'commit', '-q', '-am', 'Only cy goes']);
    execFileSync('git', ['-C', clone, 'push', '-q', 'origin', BRANCH]);
    const humanHead = execFileSync('git', ['-C', clone, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    rmSync(clone, { recursive: true, force: true });

    gh.fake.clearRequests();
    const r = await reclaim(w);
    expect(r.stdout).toMatch(/^figma: updated http\S+\/pull\/1 \(1 seat\)\n$/);
    // The branch already says what the plan says: the person's commits stay, nothing is pushed.
    expect(bareGit(w, ['rev-parse', BRANCH])).toBe(humanHead);
    expect(gh.fake.writes().map((q) => `${q.method} ${q.route}`)).toEqual(['PATCH /repos/{owner}/{repo}/pulls/{pull_number}']);
    const body = visible(pulls(w)[0]!.body);
    expect(body).toContain('| Cy Leaver (`cy`) | full |');
    expect(body).not.toContain('Dee Idle (@dee-i) |');
    expect(body).toContain('### Kept\n\n- `dee` (full): kept by a person on the reclaim pull request');

    gh.fake.clearRequests();
    expect((await reclaim(w)).stdout).toMatch(/is up to date \(1 seat\)/);
    expect(gh.fake.writes()).toEqual([]);
  });

  it('a changed inventory updates the same branch and pull request, rebuilt on the new main', async () => {
    // Ada stops using Figma; the snapshot on main says so.
    const main = pushMain(w, { 'inventory/usage/figma.yaml': FIGMA_USAGE.replace('last_active: 2026-03-08', 'last_active: 2025-11-01') }, 'Usage snapshot');
    gh.fake.clearRequests();
    const r = await reclaim(w);
    expect(r.stdout).toMatch(/^figma: updated http\S+\/pull\/1 \(2 seats\)\n$/);
    expect(pulls(w)).toHaveLength(1);
    expect(bareGit(w, ['rev-parse', `${BRANCH}^`])).toBe(main);
    const diff = bareGit(w, ['diff', '-U0', 'main', BRANCH]).split('\n').filter((l) => /^[-+] /.test(l));
    // Ada and cy go; dee stays kept.
    expect(diff).toEqual(['-  - { person: ada, tier: full, since: 2026-01-05 }', `-${CY.trimEnd()}`]);
    expect(pulls(w)[0]!.title).toBe('Reclaim 2 Figma seats: save 972.00 EUR a year');
    expect(gh.fake.writes().every((q) => q.method === 'PATCH')).toBe(true);
  });

  it('an empty plan closes the pull request with a comment and deletes the branch', async () => {
    pushMain(w, { 'inventory/assignments/figma.yaml': 'license: figma\nseats:\n  - { person: bob, tier: viewer, since: 2026-01-05 }\n' }, 'Remove unused Figma seats');
    gh.fake.clearRequests();
    const r = await reclaim(w);
    expect(r.stdout).toMatch(/^figma: nothing left to reclaim; closed http\S+\/pull\/1\n$/);
    const pr = pulls(w)[0]!;
    expect(pr.state).toBe('closed');
    expect(w.gh.comments.filter((c) => c.issue_number === pr.number).map((c) => c.body)).toEqual([
      'Nothing is left to reclaim for Figma on 2026-03-10: the proposed seats were removed, kept, or are in use again. Closing.',
    ]);
    expect(bareGit(w, ['branch', '--list', BRANCH])).toBe('');
    gh.fake.clearRequests();
    expect((await reclaim(w)).stdout).toBe('nothing to reclaim\n');
    expect(gh.fake.writes()).toEqual([]);
  });
});

describe('savings realised', () => {
  it('counts the seats a merged reclaim pull request freed this year', async () => {
    const w = world();
    try {
      await reclaim(w);
      // The pull request is merged with a merge commit, as GitHub does.
      w.repo.git(['fetch', '-q', 'origin', BRANCH]);
      w.repo.git(['merge', '-q', '--no-ff', 'FETCH_HEAD', '-m', `Merge pull request #1 from acme/${BRANCH}`], { GIT_COMMITTER_DATE: '2026-03-10T12:00:00Z', GIT_AUTHOR_DATE: '2026-03-10T12:00:00Z' });
      const r = await lac(['report', '--today', '2026-03-11', '--license', 'figma'], { cwd: w.repo.dir });
      expect(r.stdout).toContain('Savings realised this year (since 2026-01-01): 972.00 EUR a year from 2 seats reclaimed\n');
      const json = JSON.parse((await lac(['report', '--today', '2026-03-11', '--format', 'json'], { cwd: w.repo.dir })).stdout);
      expect(json.savings.items.map((i: { holder: string; annual: { value: string }; date: string }) => [i.holder, i.annual.value, i.date])).toEqual([['cy', '486.00', '2026-03-10'], ['dee', '486.00', '2026-03-10']]);
      expect(unsourced(json)).toEqual({ bare: [], empty: [] });
      // Next year they no longer count.
      const later = await lac(['report', '--today', '2027-01-02', '--license', 'figma'], { cwd: w.repo.dir });
      expect(later.stdout).toContain('Savings realised this year (since 2027-01-01): 0.00 EUR a year from 0 seats reclaimed\n');
    } finally {
      w.cleanup();
    }
  });
});

describe('reclaim pull requests and people', () => {
  it('explains when a rebuild replaced other changes people pushed, and keeps saying so', async () => {
    const w = world();
    try {
      await reclaim(w);
      // Someone pushes a change the plan does not make: they also drop bob's viewer seat.
      const clone = mkdtempSync(join(tmpdir(), 'lac-clone-'));
      execFileSync('git', ['clone', '-q', '-b', BRANCH, w.bare, clone]);
      const text = FIGMA_SEATS.replace(CY, '').replace(DEE, '').replace('  - { person: bob, tier: viewer, since: 2026-01-05 }\n', '');
      execFileSync('sh', ['-c', `printf '%s' "$0" > inventory/assignments/figma.yaml`, text], { cwd: clone });
      execFileSync('git', ['-C', clone, '-c', 'user.name=Bob', '-c', 'user.email=bob@test.example', 'commit', '-q', '-am', 'Bob too']);
      execFileSync('git', ['-C', clone, 'push', '-q', 'origin', BRANCH]);
      const humanHead = execFileSync('git', ['-C', clone, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
      rmSync(clone, { recursive: true, force: true });

      const r = await reclaim(w);
      expect(r.stdout).toMatch(/^figma: updated http\S+ \(2 seats\)\n$/);
      // The branch is rebuilt from main: the plan's two lines, nothing else.
      expect(bareGit(w, ['rev-parse', `${BRANCH}^`])).toBe(bareGit(w, ['rev-parse', 'main']));
      const body = visible(pulls(w)[0]!.body);
      expect(body).toContain(`> lac rebuilt this branch on \`main\` and replaced commits people had pushed after its own (up to ${humanHead.slice(0, 7)}).`);
      gh.fake.clearRequests();
      await reclaim(w);
      expect(gh.fake.writes()).toEqual([]);
    } finally {
      w.cleanup();
    }
  });

  it('opens one pull request per license, each on its own branch', async () => {
    const w = world();
    try {
      pushMain(w, { 'inventory/usage/slack.yaml': 'license: slack\nsource: csv\ntaken: 2026-03-09T06:00:00Z\naccounts:\n  - { account: ada@test.example, person: ada, status: active, last_active: 2026-03-09 }\n  - { account: bob@test.example, person: bob, status: active, last_active: 2026-03-02 }\n' }, 'Slack usage');
      gh.fake.clearRequests();
      const r = await reclaim(w);
      expect(r.stdout.split('\n').map((l) => l.replace(/http\S+/, 'URL'))).toEqual(['figma: opened URL (2 seats)', 'slack: opened URL (1 seat)', '']);
      expect(pulls(w).map((p) => [p.pull.head, p.title])).toEqual([
        [BRANCH, 'Reclaim 2 Figma seats: save 972.00 EUR a year'],
        ['lac/reclaim/slack', 'Reclaim 1 Slack seat: save 120.00 EUR a year'],
      ]);
      // Slack has no owner: nobody to request; eve has no GitHub login: mentioned by ID.
      expect(pulls(w)[1]!.pull.requested_reviewers).toEqual([]);
      expect(visible(pulls(w)[1]!.body)).toContain('| Eve Free (`eve`) | standard | — | — | remove: no account at the vendor | 120.00 EUR |');
      // The label is created once for the run.
      expect(gh.fake.writes().filter((q) => q.route === '/repos/{owner}/{repo}/labels')).toHaveLength(1);
    } finally {
      w.cleanup();
    }
  });

  it('does not reopen a reclaim pull request a person closed without merging', async () => {
    const w = world();
    try {
      await reclaim(w);
      const pr = pulls(w)[0]!;
      pr.state = 'closed';
      pr.closed_at = '2026-03-10T10:00:00Z';
      gh.fake.clearRequests();
      const r = await reclaim(w);
      expect(r.stdout).toMatch(/^figma: http\S+\/pull\/1 was closed without merging; not reopening it \(delete the branch lac\/reclaim\/figma to allow a new one\)\n$/);
      expect(gh.fake.writes()).toEqual([]);
      expect(pulls(w)).toHaveLength(1);
    } finally {
      w.cleanup();
    }
  });

  it('plans from the base branch as committed, and says which setting is missing before pushing anything', async () => {
    const w = world();
    try {
      // An uncommitted edit in the working tree does not leak into the pull request.
      w.repo.write({ 'inventory/assignments/figma.yaml': FIGMA_SEATS.replace(DEE, '') });
      const r = await reclaim(w);
      expect(r.stdout).toMatch(/\(2 seats\)/);
      w.repo.write({ 'inventory/assignments/figma.yaml': FIGMA_SEATS });
      pushMain(w, { 'inventory/assignments/figma.yaml': FIGMA_SEATS.replace(CY, '') }, 'Cy left');
      const head = bareGit(w, ['rev-parse', BRANCH]);
      const missing = await lac(['reclaim', '--open-pr', '--today', TODAY], { cwd: w.repo.dir, env: {} });
      expect(missing.stderr).toMatch(/^lac: GITHUB_TOKEN is not set\n  hint: /);
      expect(missing.code).toBe(2);
      expect(bareGit(w, ['rev-parse', BRANCH])).toBe(head);
    } finally {
      w.cleanup();
    }
  });
});
