import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadInventory } from '../../src/inventory/load.ts';
import { memorySource } from '../../src/inventory/memory-source.ts';
import { planProvision } from '../../src/provision/plan.ts';
import { execFileSync } from 'node:child_process';
import { lac, tempRepo } from '../support/cli.ts';
import { useBotRemote } from '../support/bot-remote.ts';
import { PEOPLE, SEATS, files } from '../support/inventory.ts';

const POLICY = `id: eng-tools
name: Engineers get a full Figma seat
match: { departments: [eng] }
grant:
  - { license: figma, tier: full }
approval: automatic
`;
const people = PEOPLE.replace('status: active, start: 2021-06-01', 'status: leaver, start: 2021-06-01, end: 2026-03-05')
  + '  - { id: dan, name: Dan Neu, email: dan@test.example, department: eng, status: active, start: 2026-02-01 }\n'
  + '  - { id: eve, name: Eve Later, email: eve@test.example, department: eng, status: active, start: 2026-04-01 }\n';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('lac provision', () => {
  it('adds seats for joiners from free entitlement, removes a leaver\'s seats on the end date, and says what to buy instead of over-assigning', async () => {
    const dir = tempRepo(files({ 'inventory/people.yaml': people, 'inventory/policies/eng-tools.yaml': POLICY }));
    dirs.push(dir);
    const dry = await lac(['provision', '--dry-run', '--root', dir, '--today', '2026-03-10']);
    expect(dry.stderr).toBe('');
    expect(dry.stdout).toBe([
      'due by 2026-03-10 (2):',
      '  - remove figma viewer for bob (Bob Byte) on 2026-03-05: left on 2026-03-05',
      '  + add figma full for dan (Dan Neu) on 2026-03-10: policy eng-tools',
      'scheduled or waiting (1):',
      '  + add figma full for eve (Eve Later) on 2026-04-01: policy eng-tools (no free seat: waits for a purchase)',
      'to buy (1):',
      // The contract's USD 540.00 a year at the org's rate of 0.90.
      '  1 x figma full at 486.00 EUR a year each',
      'would write inventory/assignments/figma.yaml',
      '',
    ].join('\n'));
    expect(readFileSync(join(dir, 'inventory/assignments/figma.yaml'), 'utf8')).toBe(SEATS);

    const real = await lac(['provision', '--root', dir, '--today', '2026-03-10']);
    expect(real.stdout).toContain('wrote inventory/assignments/figma.yaml');
    expect(readFileSync(join(dir, 'inventory/assignments/figma.yaml'), 'utf8')).toBe(
      'license: figma\nseats:\n  - { person: ada, tier: full, since: 2026-01-05 }\n  - { person: dan, tier: full, since: 2026-03-10 }\n',
    );
    const check = await lac(['check', '--root', dir, '--today', '2026-03-10']);
    expect(check.stdout).not.toMatch(/policy-missing-seat.*dan|leaver-removal-overdue|over-assigned/);
  });

  it('moves a seat to the tier a policy grants and drops a forbidden one at once, a no-longer-granted one after the grace', async () => {
    const policies = {
      'inventory/policies/eng-tools.yaml': POLICY.replace('tier: full', 'tier: viewer'),
      'inventory/policies/sales.yaml': 'id: sales\nname: Sales never holds full seats\nmatch: { departments: [sales] }\nforbid:\n  - { license: figma, tier: full }\ngrace_days: 30\n',
    };
    const seats = 'license: figma\nseats:\n  - { person: ada, tier: full, since: 2026-01-05 }\n  - { person: bob, tier: full, since: 2026-01-05 }\n';
    const { inventory } = await loadInventory(memorySource(files({ ...policies, 'inventory/assignments/figma.yaml': seats })));
    const plan = planProvision(inventory, '2026-03-10');
    expect(plan.actions.map((a) => [a.kind, a.person, a.tier, a.to, a.effective, a.approval])).toEqual([
      ['move', 'ada', 'full', 'viewer', '2026-03-10', 'automatic'],
      ['drop', 'bob', 'full', undefined, '2026-03-10', 'owner-review'],
    ]);
    const withoutForbid = await loadInventory(memorySource(files({ 'inventory/policies/eng-tools.yaml': POLICY.replace('departments: [eng]', 'departments: [sales]'), 'inventory/assignments/figma.yaml': seats })));
    expect(planProvision(withoutForbid.inventory, '2026-03-10').actions.map((a) => [a.kind, a.person, a.effective])).toEqual([['drop', 'ada', '2026-03-24']]);
  });

  it('counts what removing leavers\' paid seats saves, free tiers at nothing', async () => {
    const seats = 'license: figma\nseats:\n  - { person: ada, tier: full, since: 2026-01-05 }\n  - { person: cy, tier: full, since: 2025-01-05 }\n  - { person: cy, tier: viewer, since: 2025-01-05 }\n';
    const { inventory } = await loadInventory(memorySource(files({ 'inventory/assignments/figma.yaml': seats })));
    const plan = planProvision(inventory, '2026-03-10');
    expect(plan.actions.map((a) => [a.kind, a.person, a.tier, a.effective])).toEqual([['remove', 'cy', 'full', '2026-01-31'], ['remove', 'cy', 'viewer', '2026-01-31']]);
    // USD 540.00 a year at the org's rate of 0.90.
    expect(plan.leaverSaving).toBe('486.00 EUR');
  });
});

const { remote, gh, clone: cloneOf } = useBotRemote();

describe('lac provision --open-pr', () => {
  it('proposes the due seat changes on lac/provision with the license owner as reviewer, and a re-run writes nothing', async () => {
    const clone = cloneOf(files({ 'inventory/people.yaml': people, 'inventory/policies/eng-tools.yaml': POLICY.replace('approval: automatic\n', '') }));
    const env = gh.fake.env();
    const first = await lac(['provision', '--open-pr', '--root', clone.dir, '--today', '2026-03-10'], { env });
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('branch lac/provision: pushed; pull request #1 created');
    const pr = gh.fake.repo('acme/licenses').issues.find((i) => i.number === 1)!;
    expect(pr.body).toContain('### In this pull request (2)\n\n- remove figma viewer for bob (Bob Byte) on 2026-03-05: left on 2026-03-05');
    expect(pr.body).toContain('### To buy (1)\n\n- 1 x figma full at 486.00 EUR a year each');
    expect(pr.pull?.requested_reviewers).toEqual(['ada-l']);
    const sha = remote.branchSha('lac/provision');
    expect(execFileSync('git', ['--git-dir', remote.path, 'show', `${sha}:inventory/assignments/figma.yaml`], { encoding: 'utf8' })).toContain('{ person: dan, tier: full, since: 2026-03-10 }');

    clone.git(['checkout', '--', 'inventory/assignments/figma.yaml']);
    gh.fake.clearRequests();
    const again = await lac(['provision', '--open-pr', '--root', clone.dir, '--today', '2026-03-10'], { env });
    expect(again.stdout).toContain('branch lac/provision: unchanged; pull request #1 unchanged');
    expect(gh.fake.writes()).toEqual([]);
  });
});

describe('a leaver with a future end date', () => {
  it('is "leaving on" that day, and the seat is scheduled, not removed now', async () => {
    const leaving = PEOPLE.replace('status: active, start: 2021-06-01', 'status: leaver, start: 2021-06-01, end: 2026-04-30');
    const { inventory } = await loadInventory(memorySource(files({ 'inventory/people.yaml': leaving })));
    expect(planProvision(inventory, '2026-03-10').actions.map((a) => [a.kind, a.person, a.effective, a.why])).toEqual([['remove', 'bob', '2026-04-30', 'leaving on 2026-04-30']]);
  });
});

