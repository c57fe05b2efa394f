import { afterEach, describe, expect, it } from 'vitest';
import { csvCell } from '../../src/report/csv.ts';
import { cleanup, lac, tempRepo } from '../support/cli.ts';
import { modelFiles, TODAY } from './model.ts';
import { unsourced } from './figures.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(cleanup));

function repo(overrides: Record<string, string | null> = {}): string {
  const dir = tempRepo(modelFiles(overrides));
  dirs.push(dir);
  return dir;
}

const report = (args: string[], cwd: string) => lac(['report', '--today', TODAY, ...args], { cwd });

describe('lac report', () => {
  it('prints a text table with totals, chargeback and waste', async () => {
    const r = await report([], repo());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchInlineSnapshot(`
      "Licenses on 2026-03-10, amounts per year in EUR
        license  tier           entitled  assigned  active  inactive  unknown  cancelling  unassigned  utilization  annual cost  per active user     waste
        figma    full                  4         3       1         2        0           0           1        25.0%     1,944.00         1,944.00  1,458.00
        figma    viewer        unlimited         1       1         0        0           0           —       100.0%         0.00             0.00      0.00
        slack    standard              3         3       —         0        3           0           0            —       360.00                —      0.00
        total              7 + unlimited         7       2         2        3           0           1                  2,304.00                   1,458.00

      By department
        key           name                seats  annual cost   waste
        (none)        No department           1       120.00    0.00
        (unassigned)  Seats nobody holds      0       486.00  486.00
        eng           Engineering             4     1,578.00  972.00
        sales         Sales                   2       120.00    0.00

      By cost centre
        key           name                seats  annual cost   waste
        (none)        No cost centre          1       120.00    0.00
        (unassigned)  Seats nobody holds      0       486.00  486.00
        CC-100        CC-100                  3     1,092.00  486.00
        CC-200        CC-200                  2       120.00    0.00
        CC-999        CC-999                  1       486.00  486.00

      By vendor
        vendor  annual cost     waste
        figma      1,944.00  1,458.00
        slack        360.00      0.00

      Each license tier's annual cost (for a period: the spend its contract lines accrued in each month of it, each line rounded to the minor unit) is rounded to the minor unit of the currency, then shared among its seat groups (license × tier × department × cost centre, and the seats nobody holds) in proportion to seats (for a period: seat-days in that month, from who held each seat on each day) by largest remainder (Hamilton): each group gets the whole minor units of its exact share, and the units left over go one each to the groups with the largest remainders, ties to the lower key. Every row and subtotal is a sum of these shares, so all sums are exact, and a year's months add up to the year in every row.

      Waste: 1,458.00 EUR of 2,304.00 EUR a year
      unknown: slack/standard: 3 seats of unknown use: slack has no usage source

      Offboarding: offboarding evidence needs the git history (the license repository is not a git repository, or has no commit yet)
      "
    `);
  });

  it('writes CSV with money as plain decimals and formula-like cells neutralised', async () => {
    const dir = repo({ 'inventory/licenses/slack.yaml': 'id: slack\nname: Slack\nvendor: slack\ntype: subscription\ntiers:\n  - { id: standard, name: "=HYPERLINK(\\"http://x\\")" }\n' });
    const r = await report(['--format', 'csv', '--license', 'slack'], dir);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\r\n');
    expect(lines[0]).toBe('section,license,tier,group,name,entitled,assigned,active,inactive,unknown,cancelling,unassigned,utilization_percent,annual_cost,cost_per_active_user,waste,currency,cost_unknown,last_day,removed_on,commit,pr,days,status,leavers,on_time,no_seats,late,overdue,pending,share_percent');
    expect(lines[1]).toBe(`tier,slack,standard,,"'=HYPERLINK(""http://x"")",3,3,,0,3,0,0,,360.00,,0.00,EUR,${','.repeat(13)}`);
    expect(lines.at(-2)).toBe(`total,,,,,3,3,0,0,3,0,0,,360.00,,0.00,EUR,${','.repeat(13)}`);
    expect(csvCell('-12.50')).toBe('-12.50');
    expect(csvCell('-cmd')).toBe("'-cmd");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes JSON where every figure carries its sources and money is a decimal string', async () => {
    const r = await report(['--format', 'json', '--license', 'figma'], repo());
    const json = JSON.parse(r.stdout);
    expect(json.currency).toBe('EUR');
    expect(json.licenses[0].tiers[0].waste.value).toBe('1458.00');
    expect(json.licenses[0].tiers[0].waste.from.map((s: { file: string }) => s.file)).toEqual([
      'inventory/assignments/figma.yaml', 'inventory/contracts/figma-2026.yaml', 'inventory/licenses/figma.yaml', 'inventory/org.yaml', 'inventory/usage/figma.yaml',
    ]);
    expect(json.totals.annualCost).toEqual({ value: '1944.00', from: [{ file: 'inventory/licenses/figma.yaml', what: 'totals of figma' }] });
  });

  it('JSON: every number and amount is the value of a figure that names its sources', async () => {
    const json = JSON.parse((await report(['--format', 'json'], repo())).stdout);
    const { bare, empty } = unsourced(json);
    expect(bare).toEqual([]);
    expect(empty).toEqual([]);
  });

  it('writes Markdown tables', async () => {
    const r = await report(['--format', 'md', '--license', 'slack'], repo());
    expect(r.stdout).toContain('| slack | standard | 3 | 3 | — | 0 | 3 | 0 | 0 | — | 360.00 | — | 0.00 |');
    // Unknown is not idle: the reason is printed beside it (issue 11).
    expect(r.stdout).toContain('- slack/standard: 3 seats of unknown use: slack has no usage source\n');
  });

  it('rejects an unknown format or license with a hint', async () => {
    expect((await report(['--format', 'xml'], repo())).stderr).toBe('lac: --format xml is not one of text, json, csv, md\n  hint: e.g. --format csv\n');
    expect((await report(['--license', 'figmaa'], repo())).stderr).toMatch(/^lac: no license "figmaa"; did you mean "figma"\?/);
  });
});
