import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, tempRepo as tempDir } from '../support/cli.ts';
import { tempRepo, type TestRepo } from '../support/git.ts';
import { figmaUsage, lac, renewalFiles } from './helpers.ts';

let repo: TestRepo | undefined;
let dir: string | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
  if (dir) cleanup(dir);
  dir = undefined;
});

/** A license repository whose figma usage snapshot changed four times; the one of May is outside the 90-day window. */
function repoWithHistory(): TestRepo {
  const r = tempRepo();
  r.commit(renewalFiles({ 'inventory/usage/figma.yaml': figmaUsage('2026-05-01T06:00:00Z', 30) }), { message: 'Inventory', date: '2026-05-01T08:00:00Z' });
  r.commit({ 'inventory/usage/figma.yaml': figmaUsage('2026-08-01T06:00:00Z', 12, 3) }, { message: 'Usage', date: '2026-08-01T08:00:00Z' });
  r.commit({ 'inventory/usage/figma.yaml': figmaUsage('2026-09-01T06:00:00Z', 13, 2) }, { message: 'Usage', date: '2026-09-01T08:00:00Z' });
  r.commit({ 'inventory/usage/figma.yaml': figmaUsage('2026-10-01T06:00:00Z', 11, 6) }, { message: 'Usage', date: '2026-10-01T08:00:00Z' });
  return r;
}

describe('lac renewals', () => {
  it('lists renewals soonest cancel-by first, sized from the peak of the usage history', async () => {
    repo = repoWithHistory();
    const r = await lac(['renewals', '--today', '2026-10-20', '--root', repo.dir, '--format', 'json']);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.within_days).toBe(90);
    expect(out.renewals.map((x: { contract: string; cancel_by: string; status: string }) => [x.contract, x.cancel_by, x.status])).toEqual([
      ['figma-2026', '2026-12-01', 'notice-window'],
      ['zoom-2026', '2027-01-01', 'upcoming'],
    ]);
    const figma = out.renewals[0];
    expect(figma).toMatchObject({ decision: 'undecided', owner: { id: 'ada', name: 'Ada Lovelace', github: 'ada-l' }, renewal_date: '2027-01-01', days_to_cancel_by: 42, next_term: { start: '2027-01-01', end: '2027-12-31' } });
    expect(figma.lines[0]).toEqual({
      license: 'figma', tier: 'full', quantity: 20, recommended: 15, pack_size: 5,
      usage: { basis: 'history', peak: 13, peak_on: '2026-09-01', snapshots: 3, from: '2026-08-01', to: '2026-10-01' },
      peak_distribution: null, bought_elsewhere: 0,
      reasoning: [
        'peak of 13 seats in use over 3 usage snapshots from 2026-08-01 to 2026-10-01, highest on 2026-09-01',
        '+ 10% headroom: 15 seats',
        'rounded up to packs of 5: 15 seats',
        '5 fewer than today\'s 20',
      ],
      annual_cost: '9720.00', recommended_annual_cost: '7290.00',
    });
    expect(figma.lines[1]).toMatchObject({ quantity: 'unlimited', recommended: 'unlimited', reasoning: ['unlimited seats: kept as bought'] });
    expect([figma.currency, figma.annual_cost, figma.recommended_annual_cost]).toEqual(['EUR', '9720.00', '7290.00']);
    // No usage source: the assigned seats, plus headroom. 3 × 13.33 a month = 479.88 a year.
    expect(out.renewals[1].lines[0]).toMatchObject({ recommended: 3, usage: { basis: 'assignments', peak: 2 }, annual_cost: '479.88', recommended_annual_cost: '479.88' });
  });

  it('narrows the window with --within and prints a table with the reasoning', async () => {
    repo = repoWithHistory();
    const r = await lac(['renewals', '--today', '2026-10-20', '--root', repo.dir, '--within', '60']);
    expect(r.stdout).toBe(`Renewals with a cancel-by date within 60 days of 2026-10-20: 1

CANCEL BY   DAYS  DECIDE BY   RENEWS      STATUS         DECISION   OWNER  CONTRACT
2026-12-01    42  2026-10-17  2027-01-01  notice-window  undecided  ada    figma-2026 (Figma Organization 2026)

figma-2026: Figma, Inc., decision due
  term 2026-01-01 to 2026-12-31; renews 2027-01-01; cancel by 2026-12-01 (in 42 days); decision due 2026-10-17 (3 days ago)
  decision: undecided; owner: Ada Lovelace (@ada-l)
  figma/full: 20 -> 15
    peak of 13 seats in use over 3 usage snapshots from 2026-08-01 to 2026-10-01, highest on 2026-09-01
    + 10% headroom: 15 seats
    rounded up to packs of 5: 15 seats
    5 fewer than today's 20
  figma/viewer: unlimited -> unlimited
    unlimited seats: kept as bought
  annual cost at current prices: 9,720.00 EUR as bought, 7,290.00 EUR as recommended (-2,430.00 EUR)
`);
  });

  it('without git history uses the current snapshot, and keeps overdue renewals at the top', async () => {
    dir = tempDir(renewalFiles({ 'inventory/usage/figma.yaml': figmaUsage('2026-03-01T06:00:00Z', 21) }));
    const r = await lac(['renewals', '--today', '2026-12-05', '--root', dir, '--format', 'json', '--within', '0']);
    const [figma] = JSON.parse(r.stdout).renewals;
    expect(figma).toMatchObject({ contract: 'figma-2026', status: 'past-cancel-by', days_to_cancel_by: -4 });
    expect(figma.lines[0]).toMatchObject({ recommended: 25, usage: { basis: 'snapshot', peak: 21, snapshots: 1, from: '2026-03-01' } });
    expect(figma.lines[0].reasoning[0]).toBe('21 seats in use in the usage snapshot of 2026-03-01 (no other snapshot in the usage window)');
  });

  it('writes Markdown for a job summary', async () => {
    dir = tempDir(renewalFiles());
    const r = await lac(['renewals', '--today', '2026-10-20', '--root', dir, '--format', 'md']);
    expect(r.stdout.split('\n').slice(0, 6)).toEqual([
      '## Renewals with a cancel-by date within 90 days of 2026-10-20',
      '',
      '| Cancel by | Days | Decide by | Renews | Status | Decision | Owner | Contract | Annual cost | Recommended |',
      '|---|--:|---|---|---|---|---|---|--:|--:|',
      '| 2026-12-01 | 42 | 2026-10-17 | 2027-01-01 | decision due | undecided | Ada Lovelace (@ada-l) | figma-2026 (Figma Organization 2026) | 9,720.00 EUR | 2,430.00 EUR |',
      '| 2027-01-01 | 73 | 2026-11-17 | 2027-03-01 | upcoming | undecided | Bob Byte | zoom-2026 | 479.88 EUR | 479.88 EUR |',
    ]);
  });

  it('rejects a bad --within', async () => {
    dir = tempDir(renewalFiles());
    expect(await lac(['renewals', '--root', dir, '--within', 'soon'])).toMatchObject({ code: 2, stderr: 'lac: --within soon is not a number of days\n  hint: e.g. --within 90\n' });
  });
});

describe('lac renewals: GitHub settings and git checkout', () => {
  it('says what to set when GITHUB_REPOSITORY or GITHUB_TOKEN is missing, without a stack', async () => {
    dir = tempDir(renewalFiles());
    const r = await lac(['renewals', '--open-issues', '--today', '2026-10-20', '--root', dir], { env: {} });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^lac: GITHUB_(TOKEN|REPOSITORY) is not set/);
  });

  it('asks for a git checkout with a remote before proposing pull requests', async () => {
    dir = tempDir(renewalFiles());
    const r = await lac(['renewals', '--open-prs', '--today', '2026-10-20', '--root', dir], { env: {} });
    expect(r).toMatchObject({ code: 2 });
    expect(r.stderr).toContain('--open-prs needs a git checkout of the license repository with an "origin" remote');
    const dry = await lac(['renewals', '--open-prs', '--dry-run', '--today', '2026-10-20', '--root', dir, '--within', '60']);
    expect(dry.stdout).toContain('\nwould propose inventory/contracts/figma-2026.yaml on lac/renewal/figma-2026: Renew Figma Organization 2026: 2027-01-01 to 2027-12-31\n');
  });
});
