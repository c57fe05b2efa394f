import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseState } from '../../src/github/index.ts';
import { useGitHubFake } from '../support/github-fake/hooks.ts';
import { cleanup, tempRepo } from '../support/cli.ts';
import { FIGMA_CONTRACT, lac, renewalFiles, ZOOM } from './helpers.ts';

const gh = useGitHubFake({ repos: ['acme/licenses'] });
let dir: string;
beforeAll(() => {
  dir = tempRepo(renewalFiles());
});
afterAll(() => cleanup(dir));

const repo = () => gh.fake.state.repo('acme', 'licenses')!;
const issue = (key: string) => repo().issues.find((i) => i.body?.includes(`<!-- lac:key=${key} -->`))!;
const commentsOn = (n: number) => repo().comments.filter((c) => c.issue_number === n).map((c) => /lac:key=(\S+)/.exec(c.body)?.[1] ?? c.body.split('\n')[0]);

async function run(today: string): Promise<string> {
  const r = await lac(['renewals', '--open-issues', '--today', today, '--root', dir], { env: gh.fake.env() });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout.slice(r.stdout.lastIndexOf('\n\n') + 2);
}

async function noWrites(today: string): Promise<void> {
  gh.fake.clearRequests();
  await run(today);
  expect(gh.fake.writes().map((w) => `${w.method} ${w.url}`)).toEqual([]);
}

const FIGMA = 'renewal/figma-2026/2026-12-31';
const ZOOM_KEY = 'renewal/zoom-2026/2027-02-28';

describe('lac renewals --open-issues against the fake GitHub', () => {
  it('opens one issue per contract term, assigned to the owner, labelled, with a body, a checklist and a hidden key', async () => {
    const out = await run('2026-10-20');
    expect(out).toContain(`issue #1 ${FIGMA}: created`);
    expect(out).toContain(`issue #2 ${ZOOM_KEY}: created`);
    const figma = issue(FIGMA);
    expect(figma).toMatchObject({ title: 'Renewal: Figma Organization 2026, cancel by 2026-12-01', state: 'open', assignees: ['ada-l'] });
    expect(figma.labels.sort()).toEqual(['lac', 'licenses', 'renewal']);
    const body = figma.body!;
    expect(body).toContain('| Cancel by | **2026-12-01** (in 42 days; 31 days\' notice) |');
    expect(body).toContain('| Annual cost as bought | 9,720.00 EUR |');
    expect(body).toContain('| figma | full | 20 | 1 (assigned) | 5 | no usage snapshot: 1 seat assigned today; + 10% headroom: 2 seats; rounded up to packs of 5: 5 seats; 15 fewer than today\'s 20 |');
    expect(body).toContain('- [ ] Decide: renew, renegotiate or cancel');
    expect(body).toContain('- [ ] To cancel or renegotiate: give the vendor notice by 2026-12-01');
    expect(parseState(body)).toEqual({ contract: 'figma-2026', term_end: '2026-12-31', cancel_by: '2026-12-01', reminded: [90, 60] });
    // Bob has no GitHub login: the issue is open for anyone to pick up.
    expect(issue(ZOOM_KEY).assignees).toEqual([]);
    expect(repo().labels.map((l) => l.name).sort()).toEqual(['lac', 'licenses', 'renewal']);
    // The new issue is the reminder of the thresholds already reached: no comments yet.
    expect(repo().comments).toEqual([]);
  });

  it('changes nothing when run again on the same day', async () => {
    await noWrites('2026-10-20');
    expect(repo().issues).toHaveLength(2);
  });

  it('updates the body the next day and keeps the boxes people ticked', async () => {
    const figma = issue(FIGMA);
    figma.body = figma.body!.replace('- [ ] Decide: renew', '- [x] Decide: renew');
    gh.fake.clearRequests();
    expect(await run('2026-10-21')).toContain(`issue #1 ${FIGMA}: updated`);
    expect(issue(FIGMA).body).toContain('(in 41 days;');
    expect(issue(FIGMA).body).toContain('- [x] Decide: renew, renegotiate or cancel');
    expect(gh.fake.writes().map((w) => `${w.method} ${w.route}`)).toEqual(['PATCH /repos/{owner}/{repo}/issues/{issue_number}', 'PATCH /repos/{owner}/{repo}/issues/{issue_number}']);
  });

  it('comments once at each reminder threshold, never twice', async () => {
    expect(await run('2026-11-02')).toContain(`issue #1 ${FIGMA}: updated; commented reminder-30`); // 29 days left
    expect(commentsOn(2)).toEqual([`${ZOOM_KEY}/reminder-60`]); // 60 days left
    await noWrites('2026-11-02');
    await run('2026-11-03');
    // The hidden state is lost (a person edited the body): the comment key still prevents a repeat.
    issue(FIGMA).body = issue(FIGMA).body!.replace(/<!-- lac:state[^\n]*-->/, '');
    await run('2026-11-04');
    expect(commentsOn(1)).toEqual([`${FIGMA}/reminder-30`]);
    await run('2026-11-18'); // 13 days left
    await run('2026-11-25'); // 6 days left
    await run('2026-11-26');
    expect(commentsOn(1)).toEqual([`${FIGMA}/reminder-30`, `${FIGMA}/reminder-14`, `${FIGMA}/reminder-7`]);
    const comment = repo().comments.find((c) => c.body.includes('reminder-7'))!.body;
    expect(comment).toContain('@ada-l 7 days or fewer to the cancel-by date of **Figma Organization 2026**: 2026-12-01. The decision is still **undecided**; without notice by then it renews by itself on 2027-01-01.');
  });

  it('says so loudly once the cancel-by date passed with no decision', async () => {
    await run('2026-12-02');
    const figma = issue(FIGMA);
    expect(figma.title).toBe('Cancel-by date passed: Figma Organization 2026 (2026-12-01)');
    expect(figma.labels).toContain('cancel-by-passed');
    expect(figma.body).toMatch(/^> \[!CAUTION\]\n> \*\*The cancel-by date 2026-12-01 passed 1 day ago and no renewal decision is recorded\.\*\*\n> The contract renews by itself on 2027-01-01, committing 9,720.00 EUR a year/);
    expect(commentsOn(1).at(-1)).toBe(`${FIGMA}/cancel-by-passed`);
    await noWrites('2026-12-02');
    await run('2026-12-03');
    expect(commentsOn(1).filter((k) => k?.endsWith('cancel-by-passed'))).toHaveLength(1);
  });

  it('closes the issue with a comment saying why: renewed (the term moved on), cancelled', async () => {
    writeFileSync(join(dir, 'inventory/contracts/figma-2026.yaml'), FIGMA_CONTRACT.replace('start: 2026-01-01', 'start: 2027-01-01').replace('end: 2026-12-31', 'end: 2027-12-31'));
    writeFileSync(join(dir, 'inventory/contracts/zoom-2026.yaml'), `${ZOOM.contract}renewal: { decision: cancel, decided_by: bob, decided_on: 2026-12-01 }\n`);
    const out = await run('2026-12-04');
    expect(out).toContain(`issue #1 ${FIGMA}: closed`);
    expect(out).toContain(`issue #2 ${ZOOM_KEY}: closed`);
    expect(issue(FIGMA)).toMatchObject({ state: 'closed', state_reason: 'completed' });
    const last = (n: number) => repo().comments.filter((c) => c.issue_number === n).at(-1)!.body;
    expect(last(1)).toBe('Closing: renewed: the term ending 2026-12-31 moved on (the contract file now has the next term); the term in force runs 2027-01-01 to 2027-12-31.');
    expect(last(2)).toBe('Closing: cancelled: the decision `cancel` is recorded by bob on 2026-12-01; the term ends on 2027-02-28.');
    // Each threshold once, the escalation once, the closing once.
    expect(commentsOn(1)).toEqual([`${FIGMA}/reminder-30`, `${FIGMA}/reminder-14`, `${FIGMA}/reminder-7`, `${FIGMA}/cancel-by-passed`, last(1)]);
    await noWrites('2026-12-04');
  });

  it('prints the plan and writes nothing with --dry-run', async () => {
    writeFileSync(join(dir, 'inventory/contracts/zoom-2026.yaml'), ZOOM.contract.replace('2027-02-28', '2027-03-31'));
    gh.fake.clearRequests();
    const r = await lac(['renewals', '--open-issues', '--dry-run', '--today', '2026-12-04', '--root', dir], { env: gh.fake.env() });
    expect(r.stdout).toContain('would ensure issue renewal/zoom-2026/2027-03-31: Renewal: zoom-2026, cancel by 2027-02-01');
    expect(gh.fake.writes()).toEqual([]);
  });
});
