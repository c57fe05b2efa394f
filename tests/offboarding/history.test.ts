// `lac history --person` of a leaver ends with their offboarding block; JSON carries it as `offboarding`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lac } from '../support/cli.ts';
import { buildOffboardingRepo, TODAY, type OffboardingRepo } from './fixture.ts';

let r: OffboardingRepo;
beforeAll(() => {
  r = buildOffboardingRepo(5);
});
afterAll(() => r.repo.cleanup());

const history = (...args: string[]) => lac(['history', '--root', r.repo.dir, '--today', TODAY, ...args]);

describe('lac history --person: offboarding', () => {
  it('text: the events, then the seats removed with day, commit, PR, days and the verdict', async () => {
    const out = await history('--person', 'bob');
    expect(out.stderr).toBe('');
    const [events, block] = out.stdout.split('\nOffboarding');
    // Each commit's events end with its review record (issue 15): "not available" here, no token.
    const lines = events!.split('\n').filter(Boolean);
    expect(lines.filter((l) => !l.startsWith(' ')).map((l) => l.split(/ {2,}/).at(-2))).toEqual(['seat.removed', 'seat.removed', 'person.left', 'seat.assigned', 'seat.assigned', 'person.joined']);
    expect(lines.filter((l) => l.startsWith(' ')).map((l) => l.trim().split(';')[0])).toEqual(Array(2).fill('not available (no API access at build time)'));
    const sha = r.shas.bob.slice(0, 8);
    expect(`Offboarding${block}`).toBe(`Offboarding of bob (Bob Byte): last day 2026-02-10 (FY2026-Q1); seats go within 5 days
  license  tier    removed on  commit    PR  days  status
  figma    viewer  2026-02-13  ${sha}  #4     3  on time
  miro     member  2026-02-13  ${sha}  #4     3  on time
Verdict: on time; the last seat went on 2026-02-13; most days 3
`);
  });

  it('text: a seat still held, a leaver without seats, a future leaver', async () => {
    expect((await history('--person', 'dan')).stdout.split('\nOffboarding')[1]).toBe(` of dan (Dan Holds): last day 2026-04-01 (FY2026-Q2); seats go within 5 days
  license  tier    removed on  commit  PR  days  status
  figma    viewer  still held                19  overdue, still held
Verdict: overdue; most days 19
`);
    expect((await history('--person', 'fay')).stdout.split('\nOffboarding')[1]).toBe(' of fay (Fay Noseat): last day 2026-03-15 (FY2026-Q1); seats go within 5 days\n  held no seat\nVerdict: no seats\n');
    expect((await history('--person', 'gus')).stdout.split('\nOffboarding')[1]).toBe(': gus leaves on 2026-05-30; not counted until that day has passed.\n');
    expect((await history('--person', 'ada')).stdout).not.toContain('Offboarding');
  });

  it('a --since that leaves the removal out still gives the whole evidence', async () => {
    const out = await history('--person', 'cy', '--since', '2026-04-15');
    expect(out.stdout).toMatch(/^no changes\n\nOffboarding of cy \(Cy Late\): last day 2026-03-31/);
    expect(out.stdout).toContain(`  figma    viewer  2026-04-10  ${r.shas.cy.slice(0, 8)}        10  late\n`);
  });

  it('JSON: { events, offboarding } with --person; the plain event list without it', async () => {
    const json = JSON.parse((await history('--person', 'cy', '--format', 'json')).stdout);
    expect(json.events.map((e: { type: string }) => e.type)).toEqual(['seat.removed', 'person.left', 'seat.assigned', 'person.joined']);
    expect(json.offboarding.removalDays).toBe(5);
    expect(json.offboarding.leaver).toMatchObject({ person: 'cy', end: '2026-03-31', verdict: 'late', allRemovedOn: '2026-04-10', quarter: 'FY2026-Q1' });
    expect(json.offboarding.leaver.seats[0]).toMatchObject({ license: 'figma', status: 'removed-late', days: { value: 10 }, removal: { value: { on: '2026-04-10', commit: r.shas.cy, pr: null } } });
    expect(JSON.parse((await history('--person', 'ada', '--format', 'json')).stdout).offboarding).toBeNull();
    expect(Array.isArray(JSON.parse((await history('--format', 'json')).stdout))).toBe(true);
  });
});
