// `lac report --period` on a real git repository: the seat holders of each day come from history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lac } from '../support/cli.ts';
import { tempRepo, type TestRepo } from '../support/git.ts';
import { files, ORG } from '../support/inventory.ts';

const SLACK = {
  'inventory/org.yaml': `${ORG}fiscal_year_start: "04-01"\n`,
  'inventory/contracts/figma-2026.yaml': null,
  'inventory/assignments/figma.yaml': null,
  'inventory/vendors/slack.yaml': 'id: slack\nname: Slack\n',
  'inventory/licenses/slack.yaml': 'id: slack\nname: Slack\nvendor: slack\ntype: subscription\ntiers:\n  - { id: standard, name: Pro }\n',
  // 365.00 a year in 2026 (not a leap year): 1.00 a seat-day.
  'inventory/contracts/slack-2026.yaml': 'id: slack-2026\nvendor: slack\ncurrency: EUR\nstart: 2026-01-01\nend: 2026-12-31\nlines:\n  - { license: slack, tier: standard, quantity: 1, unit_price: "365.00" }\n',
};

let repo: TestRepo;
beforeAll(() => {
  repo = tempRepo();
  repo.commit(files({ ...SLACK, 'inventory/assignments/slack.yaml': 'license: slack\nseats:\n  - { person: ada, tier: standard, since: 2026-01-01 }\n' }), { message: 'Slack for Ada', date: '2026-01-02T09:00:00Z' });
  // The seat moves from Ada (Engineering) to Bob (Sales) on 11 August.
  repo.commit({ 'inventory/assignments/slack.yaml': 'license: slack\nseats:\n  - { person: bob, tier: standard, since: 2026-08-11 }\n' }, { message: 'Slack seat to Bob', date: '2026-08-11T09:00:00Z' });
});
afterAll(() => repo.cleanup());

const csvRows = (text: string) => text.trim().split('\r\n').slice(1).map((l) => l.split(','));

describe('lac report --period', () => {
  it('charges a quarter to the departments that held the seat on each day, from git history', async () => {
    const r = await lac(['report', '--root', repo.dir, '--from', '2026-07-01', '--to', '2026-09-30', '--format', 'csv']);
    expect(r.stderr).toBe('');
    const rows = csvRows(r.stdout);
    // Ada held it 1 Jul – 10 Aug (41 days), Bob 11 Aug – 30 Sep (51 days).
    expect(rows.filter((x) => x[0] === 'department').map((x) => [x[8], x[10], x[11]])).toEqual([['eng', '41', '41.00'], ['sales', '51', '51.00']]);
    expect(rows.filter((x) => x[0] === 'cost-centre').map((x) => [x[8], x[11]])).toEqual([['CC-100', '41.00'], ['CC-200', '51.00']]);
    expect(rows.find((x) => x[0] === 'total')![11]).toBe('92.00');
  });

  it('reads fiscal years from fiscal_year_start, in every format', async () => {
    // Fiscal year 2026 runs 2026-04-01 to 2027-03-31: the contract is in force 275 of its days.
    const csv = await lac(['report', '--root', repo.dir, '--period', '2026', '--format', 'csv']);
    expect(csvRows(csv.stdout).find((x) => x[0] === 'total')!.slice(0, 3)).toEqual(['total', '2026-04-01', '2027-03-31']);
    expect(csvRows(csv.stdout).find((x) => x[0] === 'total')![11]).toBe('275.00');
    const json = JSON.parse((await lac(['report', '--root', repo.dir, '--period', '2026', '--format', 'json'])).stdout) as { period: unknown; total: string; holdings: string };
    expect(json).toMatchObject({ period: { label: 'FY2026', from: '2026-04-01', to: '2027-03-31' }, total: '275.00', holdings: 'history' });
    const text = (await lac(['report', '--root', repo.dir, '--period', '2026-Q2'])).stdout;
    expect(text).toContain('Spend FY2026-Q2 (2026-07-01 to 2026-09-30) in EUR');
    expect(text).toContain('Seat holders on each day from git history.');
    expect((await lac(['report', '--root', repo.dir, '--period', '2026-08', '--format', 'md'])).stdout).toContain('| slack-2026 | 0 | slack | slack | standard | 31.00 |');
  });

  it('refuses a period it cannot read, with a hint and exit 2', async () => {
    const bad = await lac(['report', '--root', repo.dir, '--period', '2026-13']);
    expect([bad.code, bad.stderr]).toEqual([2, 'lac: --period 2026-13 is not a fiscal year (2025), a fiscal quarter (2026-Q3) or a month (2026-07)\n  hint: e.g. --period 2025, --period 2026-Q3, --period 2026-07, or --from 2026-01-01 --to 2026-06-30\n']);
    const range = await lac(['report', '--root', repo.dir, '--from', '2026-02-30', '--to', '2026-03-01']);
    expect([range.code, range.stderr.split('\n')[0]]).toEqual([2, 'lac: --from 2026-02-30 is not a calendar date YYYY-MM-DD']);
    const half = await lac(['report', '--root', repo.dir, '--from', '2026-02-01']);
    expect([half.code, half.stderr.split('\n')[0]]).toEqual([2, 'lac: give both --from and --to']);
  });
});
