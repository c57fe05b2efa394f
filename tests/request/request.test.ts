// `lac request` end to end: a request issue opened with the form (in the fake GitHub, whose every
// request and response is checked against GitHub's OpenAPI description), the real octokit, real
// git with a bare remote behind the fake.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { lac } from '../support/cli.ts';
import { useBotRemote } from '../support/bot-remote.ts';
import type { IssueState } from '../support/github-fake/index.ts';
import { modelFiles, TODAY } from '../reclaim/fixtures.ts';
import { renderIssueForm } from './issue-form.ts';

const { remote, gh, clone } = useBotRemote();
const REPO = 'acme/licenses';
const BRANCH = 'lac/request/1';

const SALES_POLICY = 'id: sales\nname: Sales never holds full Figma seats\nmatch: { departments: [sales] }\nforbid:\n  - { license: figma, tier: full }\n';
const RETIRED = 'id: sketch\nname: Sketch\nvendor: figma\ntype: subscription\nretired: 2026-01-31\ntiers:\n  - { id: full, name: Full }\n';
const MORE_PEOPLE = '  - { id: fay, name: Fay Soon, email: fay@test.example, department: eng, status: leaver, start: 2022-01-01, end: 2026-04-30 }\n'
  + '  - { id: sal, name: Sal Es, email: sal@test.example, department: sales, status: active, start: 2022-01-01 }\n'
  + '  - { id: gus, name: Gus Two, email: gus@test.example, department: eng, status: active, start: 2022-01-01 }\n';

function world(extra: Record<string, string> = {}) {
  const base = modelFiles({ 'inventory/policies/sales.yaml': SALES_POLICY, 'inventory/licenses/sketch.yaml': RETIRED, ...extra });
  base['inventory/people.yaml'] += MORE_PEOPLE;
  return clone(base);
}

const form = (person: string, license: string, tier: string, reason = 'Designs the onboarding screens.', from?: string) =>
  renderIssueForm([['Person', person], ['License', license], ['Tier', tier], ['Why', reason], ['Needed from', from]]);
const openRequest = (body: string, labels = ['license-request']) => gh.fake.openIssue(REPO, { title: 'License request: Figma', body, labels });
const request = (dir: string, args: string[]) => lac(['request', ...args, '--today', TODAY], { cwd: dir, env: gh.fake.env() });
const repo = () => gh.fake.repo(REPO);
const pulls = () => repo().issues.filter((i): i is IssueState & { pull: NonNullable<IssueState['pull']> } => i.pull !== undefined);
const commentsOn = (n: number) => repo().comments.filter((c) => c.issue_number === n).map((c) => c.body.replace(/\n*<!-- lac:[\s\S]*$/, ''));
const visible = (body: string | null) => (body ?? '').replace(/\n*<!-- lac:[\s\S]*$/, '');
const bareGit = (args: string[]) => execFileSync('git', ['--git-dir', remote.path, ...args], { encoding: 'utf8' }).trim();
const addedLines = () => bareGit(['diff', '-U0', 'main', BRANCH]).split('\n').filter((l) => /^[-+] /.test(l));

describe('a valid request', () => {
  it('with a free seat: one commit adding the seat line, a pull request that closes the issue with the owner as reviewer, and an answer on the issue', async () => {
    const dir = world().dir;
    const issue = openRequest(form('eve@test.example', 'figma', 'full'));
    const r = await request(dir, ['--issue', String(issue)]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe([
      'request #1 is valid: a full seat of figma for eve from 2026-03-10',
      '  A free seat is available: 3 of 4 entitled seats are assigned.',
      '  adds to inventory/assignments/figma.yaml: - { person: eve, tier: full, since: 2026-03-10 }',
      '  on branch lac/request/1',
      'branch lac/request/1: pushed; pull request #2 created; comment on #1 created',
      '',
    ].join('\n'));
    expect(addedLines()).toEqual(['+  - { person: eve, tier: full, since: 2026-03-10 }']);
    expect(bareGit(['rev-parse', `${BRANCH}^`])).toBe(bareGit(['rev-parse', 'main']));
    const [pr] = pulls();
    expect(pr!.pull).toMatchObject({ head: BRANCH, base: 'main', requested_reviewers: ['ada-l'] });
    expect(pr!.title).toBe('License request #1: Figma full for Eve Free');
    expect(pr!.labels.sort()).toEqual(['lac', 'license-request', 'license:figma']);
    expect(visible(pr!.body)).toMatchInlineSnapshot(`
      "Adds a \`full\` seat of **Figma** for Eve Free (\`eve\`) from 2026-03-10, as requested in #1.

      Closes #1

      | | |
      | --- | --- |
      | Person | Eve Free (\`eve\`) |
      | License | Figma (\`figma\`), tier \`full\` |
      | Why | Designs the onboarding screens. |
      | File | \`inventory/assignments/figma.yaml\` |

      A free seat is available: 3 of 4 entitled seats are assigned.

      <sub>Opened by \`lac request\`. Merging adds the seat to the inventory; give the account at the vendor too.</sub>"
    `);
    expect(commentsOn(issue)).toEqual([[
      'lac opened #2 to add a `full` seat of **Figma** for Eve Free (`eve`) from 2026-03-10.',
      '',
      '- A free seat is available: 3 of 4 entitled seats are assigned.',
      '- Next: the license owner, Ada Lovelace, is asked to review it. Merging it adds the seat to the inventory and closes this issue.',
      '- Then an administrator of Figma gives Eve Free the account.',
    ].join('\n')]);

    // The same request again (an `edited` or `labeled` event that changed nothing): no push, no API write.
    const head = remote.branchSha(BRANCH);
    gh.fake.clearRequests();
    const again = await request(dir, ['--issue', String(issue)]);
    expect(again.stdout).toContain('branch lac/request/1: unchanged; pull request #2 unchanged; comment on #1 unchanged\n');
    expect(gh.fake.writes()).toEqual([]);
    expect(remote.branchSha(BRANCH)).toBe(head);

    // Merged: the issue gets "granted" and is closed; a second run writes nothing and tolerates the closed issue.
    gh.fake.mergePull(REPO, 2);
    const merged = await request(dir, ['--merged-pr', '2']);
    expect(merged).toEqual({ code: 0, stdout: 'issue #1: comment created; closed\n', stderr: '' });
    expect(commentsOn(issue).at(-1)).toBe('Granted in #2: the inventory now lists a `full` seat of `figma` for `eve`.');
    expect(repo().issues.find((i) => i.number === issue)).toMatchObject({ state: 'closed', state_reason: 'completed' });
    gh.fake.clearRequests();
    expect((await request(dir, ['--merged-pr', '2'])).stdout).toBe('issue #1: comment unchanged; already closed\n');
    expect(gh.fake.writes()).toEqual([]);
    // A closed request is not answered again.
    expect((await request(dir, ['--issue', '1'])).stdout).toBe('issue #1 is closed: nothing to do\n');
    expect(gh.fake.writes()).toEqual([]);
  });

  it('without a free seat: the pull request and the answer state what one more seat costs at the contract\'s price', async () => {
    const dir = world().dir;
    // Slack: 3 seats at 10.00 EUR a month, all 3 assigned.
    const issue = openRequest(form('dee', 'slack', 'standard', 'Joins the sales channel.', '2026-04-01'));
    const r = await request(dir, ['--issue', String(issue)]);
    expect(r.stderr).toBe('');
    const cost = "No seat of this tier is free (3 assigned, 3 entitled): one more seat costs **120.00 EUR a year** at the contract's price.";
    expect(visible(pulls()[0]!.body)).toContain(`\n\n${cost}\n\n`);
    expect(commentsOn(issue)[0]).toContain(`- ${cost}\n`);
    // Needed from a later day: the seat starts then.
    expect(addedLines()).toEqual(['+  - { person: dee, tier: standard, since: 2026-04-01 }']);
    // The license has no owner: nobody to request.
    expect(pulls()[0]!.pull.requested_reviewers).toEqual([]);
  });

  it('two requests for the last free seat: the earlier gets it, the later is told what one more costs', async () => {
    const dir = world().dir;
    const first = openRequest(form('eve', 'figma', 'full'));
    const second = openRequest(form('gus', 'figma', 'full'));
    await request(dir, ['--issue', String(first)]);
    await request(dir, ['--issue', String(second)]);
    expect(commentsOn(second)[0]).toContain("- No seat of this tier is free (3 assigned, 1 more in an earlier open request, 4 entitled): one more seat costs **486.00 EUR a year** at the contract's price.\n");
    // The earlier request's answer stands when the later one arrives.
    gh.fake.clearRequests();
    expect((await request(dir, ['--issue', String(first)])).stdout).toContain('  A free seat is available: 3 of 4 entitled seats are assigned.\n');
    expect(gh.fake.writes()).toEqual([]);
  });

  it('--dry-run prints the verdict and the plan, and pushes and posts nothing', async () => {
    const dir = world().dir;
    const issue = openRequest(form('eve', 'figma', 'viewer'));
    gh.fake.clearRequests();
    const r = await request(dir, ['--issue', String(issue), '--dry-run']);
    expect(r.stdout).toBe([
      'request #1 is valid: a viewer seat of figma for eve from 2026-03-10',
      '  The contract in force entitles unlimited seats of this tier: no purchase is needed.',
      '  would add to inventory/assignments/figma.yaml: - { person: eve, tier: viewer, since: 2026-03-10 }',
      '  on branch lac/request/1',
      'dry run: nothing was pushed or posted',
      '',
    ].join('\n'));
    expect(gh.fake.writes()).toEqual([]);
    expect(remote.branchSha(BRANCH)).toBe('');
  });
});

describe('a request that cannot be granted', () => {
  it.each([
    ['an unknown person', form('zed@test.example', 'figma', 'full'), 'No person `zed@test.example` in inventory/people.yaml (by ID, email or alias). New joiners appear once the people pull request adds them.'],
    ['a misspelt person', form('evee', 'figma', 'full'), 'No person `evee` in inventory/people.yaml (by ID, email or alias). Did you mean `eve`? New joiners appear once the people pull request adds them.'],
    ['a leaver', form('cy', 'figma', 'viewer'), 'Cy Leaver (`cy`) has left (on 2026-01-31): leavers get no new seats.'],
    ['a person leaving soon', form('fay', 'figma', 'viewer'), 'Fay Soon (`fay`) is leaving on 2026-04-30: leavers get no new seats.'],
    ['an unknown license', form('eve', 'figmaa', 'full'), 'No license `figmaa` in inventory/licenses/. Did you mean `figma`?'],
    ['a retired license', form('eve', 'sketch', 'full'), 'Sketch (`sketch`) is retired since 2026-01-31: it takes no new seats.'],
    ['an unknown tier', form('eve', 'figma', 'admin'), 'Figma has no tier `admin`; its tiers are `full`, `viewer`.'],
    ['a tier the access policy forbids', form('sal', 'figma', 'full'), 'Access policy `sales` forbids Sal Es a `full` seat of Figma.'],
    ['a person who holds a seat already', form('ada', 'figma', 'viewer'), 'Ada Lovelace already holds a `full` seat of Figma (since 2026-01-05): a change of tier is a pull request to the assignments file.'],
    ['an empty required field', form('eve', 'figma', ''), 'The field **Tier** is empty: fill it in.'],
    ['a needed-from that is not a date', form('eve', 'figma', 'viewer', 'x', 'next week'), '**Needed from** `next week` is not a date: write it as YYYY-MM-DD, or leave it empty.'],
  ])('%s: one clear answer on the issue, no pull request, no branch', async (_name, body, problem) => {
    const dir = world().dir;
    const issue = openRequest(body);
    const r = await request(dir, ['--issue', String(issue)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`request #1 cannot be granted as it stands:\n  - ${problem}\n`);
    expect(commentsOn(issue)).toEqual([`lac cannot propose this license request yet:\n\n- ${problem}\n\nEdit the issue to fix it: lac checks the request again after each edit. No pull request was opened.`]);
    expect(pulls()).toEqual([]);
    expect(remote.branchSha(BRANCH)).toBe('');
    gh.fake.clearRequests();
    await request(dir, ['--issue', String(issue)]);
    expect(gh.fake.writes()).toEqual([]);
  });

  it('an edit that makes an open request invalid updates the answer and closes its pull request', async () => {
    const dir = world().dir;
    const issue = openRequest(form('eve', 'figma', 'full'));
    await request(dir, ['--issue', String(issue)]);
    repo().issues.find((i) => i.number === issue)!.body = form('eve', 'figma', 'admin');
    const r = await request(dir, ['--issue', String(issue)]);
    expect(r.stdout).toContain('pull request #2 closed; comment on #1 updated\n');
    expect(pulls()[0]!.state).toBe('closed');
    expect(commentsOn(issue)).toHaveLength(1);
    expect(commentsOn(2)).toEqual(['The request in #1 changed and no longer holds: see the answer there.']);

    // Fixed again: lac closed that pull request itself, so it opens a new one.
    repo().issues.find((i) => i.number === issue)!.body = form('eve', 'figma', 'viewer');
    expect((await request(dir, ['--issue', String(issue)])).stdout).toContain('branch lac/request/1: pushed; pull request #3 created; comment on #1 updated\n');
    expect(addedLines()).toEqual(['+  - { person: eve, tier: viewer, since: 2026-03-10 }']);
  });

  it('a pull request a person closed without merging is their answer: lac says so and does not open another', async () => {
    const dir = world().dir;
    const issue = openRequest(form('eve', 'figma', 'full'));
    await request(dir, ['--issue', String(issue)]);
    const pr = repo().issues.find((i) => i.number === 2)!;
    Object.assign(pr, { state: 'closed', closed_at: '2026-03-11T09:00:00Z' });
    const r = await request(dir, ['--issue', String(issue)]);
    expect(r.stdout).toContain('pull request #2 rejected; comment on #1 updated\n');
    expect(commentsOn(issue)).toEqual(['The pull request #2 for this request was closed without merging. Reopen it, or ask the license owner why; lac does not open it again.']);
    expect(pulls()).toHaveLength(1);
  });

  it('an issue that is not a license request is refused without a word on it', async () => {
    const dir = world().dir;
    const issue = openRequest(form('eve', 'figma', 'full'), ['bug']);
    expect(await request(dir, ['--issue', String(issue)])).toEqual({ code: 2, stdout: '', stderr: 'lac: issue #1 is not a license request: it has no license-request label\n  hint: run it for an issue opened with the license request form (label license-request)\n' });
    expect((await request(dir, ['--issue', '7'])).stderr).toContain('lac: acme/licenses has no issue #7\n');
    expect((await request(dir, ['--issue', 'x'])).stderr).toContain('lac: --issue x is not an issue or pull request number\n');
    expect((await request(dir, [])).stderr).toContain('lac: give one of --issue N or --merged-pr N\n');
    expect(gh.fake.writes()).toEqual([]);
    expect(commentsOn(issue)).toEqual([]);
  });
});

describe('a hostile issue body', () => {
  const HOSTILE = '**Bold** [a link](https://evil.example) <img src=x onerror=alert(1)> @octocat @acme/admins ${{ secrets.GITHUB_TOKEN }} | broken | cell\n\n### Person\n\nmallory\n\n';

  it('reaches the pull request and the answer escaped and bounded: no HTML, no link, no mention, no expression', async () => {
    const dir = world().dir;
    const issue = openRequest(form('eve', 'figma', 'full', `${HOSTILE}${'A'.repeat(100_000)}`));
    const r = await request(dir, ['--issue', String(issue)]);
    // The second "### Person" is a field given twice: the request is refused, quoting nothing of it.
    expect(commentsOn(issue)).toEqual(['lac cannot propose this license request yet:\n\n- The field **Person** appears twice: keep one.\n\nEdit the issue to fix it: lac checks the request again after each edit. No pull request was opened.']);
    expect(r.code).toBe(0);

    repo().issues.find((i) => i.number === issue)!.body = form('eve', 'figma', 'full', `${HOSTILE.replace('### Person', 'Person')}${'A'.repeat(100_000)}`);
    await request(dir, ['--issue', String(issue)]);
    const body = visible(pulls()[0]!.body);
    const why = body.split('\n').find((l) => l.startsWith('| Why |'))!;
    expect(why.startsWith('| Why | \\*\\*Bold\\*\\* \\[a link\\](https:\u200b//evil.example) &lt;img src=x onerror=alert(1)&gt; @\u200boctocat @\u200bacme/admins \\${{ secrets.GITHUB\\_TOKEN }} &#124; broken &#124; cell Person mallory AAAA')).toBe(true);
    expect(why.endsWith('A (cut) |')).toBe(true);
    expect(body.length).toBeLessThan(3000);
    for (const text of [body, ...commentsOn(issue)]) {
      // `\${{` shows as text; nothing GitHub renders evaluates it, and no workflow puts it in a script.
      expect(text).not.toMatch(/<img|@octocat|@acme|\]\(https:\/\/|(?<!\\)\$\{\{/);
    }
  });

  it('a 100 KB person value is answered with a short, quoted excerpt', async () => {
    const dir = world().dir;
    const issue = openRequest(form(`<script>alert(1)</script>${'p'.repeat(100_000)}`, 'figma', 'full'));
    await request(dir, ['--issue', String(issue)]);
    const [answer] = commentsOn(issue);
    expect(answer).toContain(`- No person \`<script>alert(1)</script>${'p'.repeat(55)}…\` in inventory/people.yaml`);
    expect(answer!.length).toBeLessThan(600);
  });
});
