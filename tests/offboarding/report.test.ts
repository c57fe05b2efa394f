// `lac report` presents the offboarding evidence (tests/offboarding/evidence.test.ts defines it) in
// text, Markdown, JSON (figures with their commit and line) and CSV; outside git it says why not.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, lac, lacProcess, tempRepo as tempFolder } from '../support/cli.ts';
import { unsourced } from '../report/figures.ts';
import { buildOffboardingRepo, TODAY, type OffboardingRepo } from './fixture.ts';

let r: OffboardingRepo;
beforeAll(() => {
  r = buildOffboardingRepo(5);
});
afterAll(() => r.repo.cleanup());

const report = (...args: string[]) => lac(['report', '--root', r.repo.dir, '--today', TODAY, ...args]);

describe('lac report: Offboarding', () => {
  it('text: quarters, then every leaver\'s seats with removal day, commit, PR, days and verdict', async () => {
    const out = await report();
    expect(out.stderr).toBe('');
    const section = out.stdout.slice(out.stdout.indexOf('\nOffboarding'));
    const [bob, cy] = [r.shas.bob.slice(0, 8), r.shas.cy.slice(0, 8)];
    expect(section).toBe(`
Offboarding, by fiscal quarter of the last day. Seats go within 5 days of the last day (policies.offboarding.removal_days).
  quarter    leavers  on time  no seats  late  overdue  pending  share on time
  FY2026-Q1        4        3         1     1        0        0  3/4 (75.0%)
  FY2026-Q2        2        0         0     0        1        1  0/1 (0.0%)

Leavers' seats
  person    last day  license  tier    removed on  commit    PR  days  status
  hal     2026-01-20  figma    viewer  2026-01-18  ${r.shas.hal.slice(0, 8)}  #2    -2  on time
  bob     2026-02-10  figma    viewer  2026-02-13  ${bob}  #4     3  on time
  bob     2026-02-10  miro     member  2026-02-13  ${bob}  #4     3  on time
  fay     2026-03-15  —                                                no seats
  cy      2026-03-31  figma    viewer  2026-04-10  ${cy}        10  late
  dan     2026-04-01  figma    viewer  still held                  19  overdue, still held
  eve     2026-04-15  miro     member  still held                   5  still held, within the deadline
Leaving on a day ahead (not counted yet): gus (2026-05-30)
Left before the history begins (not counted): ivy (2025-06-30)
`);
  });

  it('JSON: the evidence, every number a figure whose sources name the commit or the line', async () => {
    const json = JSON.parse((await report('--format', 'json')).stdout);
    const o = json.offboarding;
    expect(o.removalDays).toEqual({ value: 5, from: [{ file: 'inventory/org.yaml', line: 10, what: 'seats go within 5 days of the last day' }] });
    expect(o.quarters.map((q: { quarter: string; share: { value: unknown } }) => [q.quarter, q.share.value])).toEqual([['FY2026-Q1', { onTime: 3, decided: 4, percent: 75 }], ['FY2026-Q2', { onTime: 0, decided: 1, percent: 0 }]]);
    const bob = o.leavers.find((l: { person: string }) => l.person === 'bob');
    expect(bob.seats[0].removal.value).toEqual({ on: '2026-02-13', commit: r.shas.bob, pr: 4, author: 'Ada Lovelace' });
    expect(bob.seats[0].days.value).toBe(3);
    expect(o.leaving).toEqual([{ person: 'gus', name: 'Gus Future', end: '2026-05-30' }]);
    expect(unsourced(o)).toEqual({ bare: [], empty: [] });
  });

  it('CSV: one row per quarter and per leaver seat, after the report\'s rows', async () => {
    const lines = (await report('--format', 'csv')).stdout.split('\r\n');
    expect(lines[0]).toMatch(/,cost_unknown,last_day,removed_on,commit,pr,days,status,leavers,on_time,no_seats,late,overdue,pending,share_percent$/);
    const rows = lines.filter((l) => l.startsWith('offboarding-'));
    const gap = (n: number) => ','.repeat(n + 1);
    expect(rows).toEqual([
      `offboarding-quarter,,,FY2026-Q1,2026-01-01..2026-03-31${gap(19)}4,3,1,1,0,0,75`,
      `offboarding-quarter,,,FY2026-Q2,2026-04-01..2026-06-30${gap(19)}2,0,0,0,1,1,0`,
      `offboarding-seat,figma,viewer,hal,Hal Early${gap(13)}2026-01-20,2026-01-18,${r.shas.hal},2,-2,removed-on-time,,,,,,,`,
      `offboarding-seat,figma,viewer,bob,Bob Byte${gap(13)}2026-02-10,2026-02-13,${r.shas.bob},4,3,removed-on-time,,,,,,,`,
      `offboarding-seat,miro,member,bob,Bob Byte${gap(13)}2026-02-10,2026-02-13,${r.shas.bob},4,3,removed-on-time,,,,,,,`,
      `offboarding-seat,,,fay,Fay Noseat${gap(13)}2026-03-15,,,,,no-seats,,,,,,,`,
      `offboarding-seat,figma,viewer,cy,Cy Late${gap(13)}2026-03-31,2026-04-10,${r.shas.cy},,10,removed-late,,,,,,,`,
      `offboarding-seat,figma,viewer,dan,Dan Holds${gap(13)}2026-04-01,,,,19,held-overdue,,,,,,,`,
      `offboarding-seat,miro,member,eve,Eve Pending${gap(13)}2026-04-15,,,,5,held-within,,,,,,,`,
    ]);
    expect(rows.every((l) => l.split(',').length === 31)).toBe(true);
  });

  it('Markdown: the same tables', async () => {
    const md = (await report('--format', 'md')).stdout;
    expect(md).toContain('\n## Offboarding\n\nBy fiscal quarter of the last day. Seats go within 5 days of the last day (policies.offboarding.removal\\_days).\n');
    expect(md).toContain(`| bob | 2026-02-10 | miro | member | 2026-02-13 | ${r.shas.bob.slice(0, 8)} | \\#4 | 3 | on time |`);
  });

  it('reads the history through the event cache: a second report computes nothing', async () => {
    const cache = join(r.repo.dir, '.git', 'lac-cache', 'history');
    const entries = () => readdirSync(cache, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => `${relative(cache, e.parentPath)}/${e.name}:${statSync(join(e.parentPath, e.name)).mtimeMs}`).sort();
    const a = (await report('--format', 'json')).stdout;
    const first = entries();
    expect(first).toHaveLength(1);
    expect((await report('--format', 'json')).stdout).toBe(a);
    expect(entries()).toEqual(first);
  });

  it('outside git, says the evidence needs the history instead of guessing', async () => {
    const files = Object.fromEntries(['org.yaml', 'people.yaml', 'vendors/figma.yaml', 'licenses/figma.yaml', 'assignments/figma.yaml'].map((f) => [`inventory/${f}`, r.repo.git(['show', `HEAD:inventory/${f}`])]));
    const dir = tempFolder(files);
    try {
      const out = await lac(['report', '--root', dir, '--today', TODAY]);
      expect(out.stdout.endsWith('\nOffboarding: offboarding evidence needs the git history (the license repository is not a git repository, or has no commit yet)\n')).toBe(true);
      const json = JSON.parse((await lac(['report', '--root', dir, '--today', TODAY, '--format', 'json'])).stdout);
      expect([json.offboarding, json.offboardingNote]).toEqual([undefined, 'offboarding evidence needs the git history (the license repository is not a git repository, or has no commit yet)']);
    } finally {
      cleanup(dir);
    }
  });

  it('the built CLI (bin/lac.js) prints the same JSON as a real process', async () => {
    const child = lacProcess(['report', '--root', r.repo.dir, '--today', TODAY, '--format', 'json']);
    // bin/lac.js says so on stderr when it first rebuilds a dist/ older than src/.
    expect(child.stderr.replace(/^lac: src\/ changed since the last build; building dist\/ first\n/, '')).toBe('');
    expect(JSON.parse(child.stdout).offboarding).toEqual(JSON.parse((await report('--format', 'json')).stdout).offboarding);
    const history = lacProcess(['history', '--root', r.repo.dir, '--today', TODAY, '--person', 'cy']);
    expect(history.stdout).toContain(`\n  figma    viewer  2026-04-10  ${r.shas.cy.slice(0, 8)}        10  late\nVerdict: late; the last seat went on 2026-04-10; most days 10\n`);
  }, 120_000);

  it('--at: the evidence as it stood then, from the history up to that day', async () => {
    const json = JSON.parse((await lac(['report', '--root', r.repo.dir, '--at', '2026-04-06', '--format', 'json'])).stdout);
    const o = json.offboarding as { today: string; leavers: { person: string; verdict: string; worstDays: { value: number } | null }[] };
    expect(o.today).toBe('2026-04-06');
    expect(o.leavers.map((l) => [l.person, l.verdict, l.worstDays?.value ?? null])).toEqual([['hal', 'on-time', -2], ['bob', 'on-time', 3], ['fay', 'no-seats', null], ['cy', 'overdue', 6], ['dan', 'pending', 5]]);
  });

  it('is left out of a --license report', async () => {
    expect((await report('--license', 'figma')).stdout).not.toContain('Offboarding');
  });
});
