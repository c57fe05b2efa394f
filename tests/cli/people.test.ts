import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lac, tempRepo } from '../support/cli.ts';
import { files, ORG, PEOPLE } from '../support/inventory.ts';
import { useBotRemote } from '../support/bot-remote.ts';
import { OKTA_TOKEN, oktaUser, startOktaFake } from '../support/vendor-fakes/okta.ts';

const HR_ORG = `${ORG}directory:\n  source: hr-csv\n  config: { path: hr/employees.csv, preset: bamboohr, departments: { Engineering: eng } }\n  min_source_percent: 50\n`;
const HEADER = 'Employee ID,First name,Last name,Work Email,Department,Job title,Supervisor ID,Hire date,Termination date,Status';
const CSV = [
  HEADER,
  '1,Ada,Lovelace,ada@test.example,Engineering,Chief Engineer,,2020-01-01,,Active',
  '2,Bob,Byte,bob@test.example,Sales,,,2021-06-01,2026-03-05,Inactive',
  '4,Dan,Neu,dan@test.example,Engineering,Engineer,1,2026-04-01,,Active',
].join('\n');

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function repo(overrides: Record<string, string>): string {
  const dir = tempRepo({ ...files({ 'inventory/org.yaml': HR_ORG }), ...overrides });
  dirs.push(dir);
  return dir;
}
const people = (dir: string) => readFileSync(join(dir, 'inventory/people.yaml'), 'utf8');

describe('lac people pull', () => {
  it('applies joiners, movers and leavers to people.yaml, changing only their lines, and lists who the source does not know', async () => {
    const dir = repo({ 'hr/employees.csv': CSV });
    const r = await lac(['people', 'pull', '--root', dir, '--today', '2026-03-10']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      'hr-csv: 3 directory entries; wrote inventory/people.yaml',
      'joiners (1):',
      '  + dan: Dan Neu, eng, Engineer, starts 2026-04-01',
      'movers (1):',
      '  ~ ada: title: (none) → Chief Engineer, directory_id: (none) → 1',
      'leavers (1):',
      '  - bob: left 2026-03-05',
      '',
    ].join('\n'));
    const after = people(dir).split('\n');
    const before = PEOPLE.split('\n');
    expect(after.filter((l) => !before.includes(l))).toEqual([
      '  - { id: ada, name: Ada Lovelace, email: ada@test.example, directory_id: "1", department: eng, title: Chief Engineer, status: active, start: 2020-01-01, github: ada-l }',
      '  - { id: bob, name: Bob Byte, email: bob@test.example, directory_id: "2", department: sales, status: leaver, start: 2021-06-01, end: 2026-03-05 }',
      '  - { id: dan, name: Dan Neu, email: dan@test.example, directory_id: "4", department: eng, manager: ada, title: Engineer, status: active, start: 2026-04-01 }',
    ]);
    expect(before.filter((l) => !after.includes(l)).length).toBe(2);
    const check = await lac(['check', '--root', dir, '--today', '2026-03-10']);
    expect(check.stdout).not.toContain('people.yaml');

    const again = await lac(['people', 'pull', '--root', dir, '--today', '2026-03-10']);
    expect(again.stdout).toBe('hr-csv: 3 directory entries; inventory/people.yaml unchanged\n');
  });

  it('--dry-run prints the plan and writes nothing', async () => {
    const dir = repo({ 'hr/employees.csv': CSV });
    const r = await lac(['people', 'pull', '--dry-run', '--root', dir, '--today', '2026-03-10']);
    expect(r.stdout).toContain('would write inventory/people.yaml');
    expect(people(dir)).toBe(PEOPLE);
  });

  it('reports two entries claiming one email and applies neither', async () => {
    const dir = repo({ 'hr/employees.csv': `${CSV}\n9,Ada,Twin,ada@test.example,Sales,,,,,Active` });
    const r = await lac(['people', 'pull', '--root', dir, '--today', '2026-03-10']);
    expect(r.stdout).toContain('conflicts, not applied (1):\n  ada@test.example is claimed by 2 directory entries (1 at hr/employees.csv:2, 9 at hr/employees.csv:5); none applied');
    expect(people(dir)).toContain('  - { id: ada, name: Ada Lovelace, email: ada@test.example, department: eng, status: active, start: 2020-01-01, github: ada-l }');
  });

  it('stops with an error instead of mass leavers when the source returns far fewer people', async () => {
    const dir = repo({ 'hr/employees.csv': `${HEADER}\n2,Bob,Byte,bob@test.example,Sales,,,,2026-03-05,Inactive` });
    const r = await lac(['people', 'pull', '--root', dir, '--today', '2026-03-10']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('lac people pull: the directory source returned 0 active people, but people.yaml has 2 (less than 50%); nobody was marked as a leaver\n  inventory/people.yaml is unchanged\n');
    expect(people(dir)).toBe(PEOPLE);
  });

  it('leaves people.yaml as it was when a page fails mid-pull', async () => {
    const fake = await startOktaFake({ users: [oktaUser('00u1', 'ada@test.example', 'ACTIVE', null), oktaUser('00u2', 'bob@test.example', 'ACTIVE', null), oktaUser('00u3', 'new@test.example', 'ACTIVE', null)], pageSize: 1, malformedPage: 3 });
    try {
      const dir = repo({ 'inventory/org.yaml': `${ORG}directory: { source: okta, config: { base_url: "${fake.url}" } }\n` });
      const r = await lac(['people', 'pull', '--root', dir, '--today', '2026-03-10'], { env: { OKTA_API_TOKEN: OKTA_TOKEN } });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('malformed JSON');
      expect(r.stderr).toContain('inventory/people.yaml is unchanged');
      expect(r.stderr).not.toContain(OKTA_TOKEN);
      expect(people(dir)).toBe(PEOPLE);
    } finally {
      await fake.close();
    }
  });

  it('has nothing to pull, and passes, when org.yaml has no directory block (people kept by hand)', async () => {
    const dir = repo({ 'inventory/org.yaml': ORG });
    const r = await lac(['people', 'pull', '--root', dir]);
    expect(r).toEqual({ code: 0, stdout: 'nothing to pull: inventory/org.yaml has no `directory` block (see README: `lac people`)\n', stderr: '' });
    expect(people(dir)).toBe(PEOPLE);
  });
});

const { remote, gh, clone: cloneOf } = useBotRemote();

describe('lac people pull --open-pr', () => {
  it('proposes people.yaml on lac/people with joiners, movers and leavers by name, and a re-run writes nothing', async () => {
    const policy = 'id: eng\nname: Engineers get a full Figma seat\nmatch: { departments: [eng] }\ngrant:\n  - { license: figma, tier: full }\n';
    const clone = cloneOf({ ...files({ 'inventory/org.yaml': HR_ORG, 'inventory/policies/eng.yaml': policy }), 'hr/employees.csv': CSV });
    const env = gh.fake.env();
    const first = await lac(['people', 'pull', '--open-pr', '--root', clone.dir, '--today', '2026-03-10'], { env });
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('branch lac/people: pushed; pull request #1 created');
    const pr = gh.fake.repo('acme/licenses').issues.find((i) => i.number === 1)!;
    expect(pr.title).toBe('People from the directory: 1 joiners, 1 movers, 1 leavers');
    expect(pr.body).toContain('### Joiners (1)\n\n- **Dan Neu** (`dan`): eng, Engineer, starts 2026-04-01');
    expect(pr.body).toContain('### Movers (1)\n\n- **Ada Lovelace** (`ada`)');
    expect(pr.body).toContain('### Leavers (1)\n\n- **Bob Byte** (`bob`): left 2026-03-05');
    // The seat changes that follow ride in the same pull request: Bob's seat goes with him.
    expect(pr.body).toContain('### Seat changes that follow (access policies) (1)\n\n- remove figma viewer for bob (Bob Byte) on 2026-03-05: left on 2026-03-05');
    const pushed = remote.branchSha('lac/people');
    expect(execFileSync('git', ['--git-dir', remote.path, 'show', `${pushed}:inventory/assignments/figma.yaml`], { encoding: 'utf8' })).toBe('license: figma\nseats:\n  - { person: ada, tier: full, since: 2026-01-05 }\n');
    expect(execFileSync('git', ['--git-dir', remote.path, 'show', `${pushed}:inventory/people.yaml`], { encoding: 'utf8' })).toContain('id: dan, name: Dan Neu');

    clone.git(['checkout', '--', 'inventory/people.yaml']);
    gh.fake.clearRequests();
    const again = await lac(['people', 'pull', '--open-pr', '--root', clone.dir, '--today', '2026-03-10'], { env });
    expect(again.stdout).toContain('branch lac/people: unchanged; pull request #1 unchanged');
    expect(gh.fake.writes()).toEqual([]);

    // Once the default branch has the change (the pull request merged by hand), a run closes it.
    clone.git(['checkout', '--', 'inventory/people.yaml']);
    clone.git(['merge', '-q', '--ff-only', pushed]);
    clone.git(['push', '-q', 'origin', 'main']);
    const merged = await lac(['people', 'pull', '--open-pr', '--root', clone.dir, '--today', '2026-03-10'], { env });
    expect(merged.stdout).toContain('branch lac/people: empty; pull request #1 closed');
  });
});
