// Agreement: the site's Forecast page shows exactly `lac forecast --backtest --format json` for the same repository and day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forecastCsv } from '../../src/report/forecast/format.ts';
import { downloads } from '../../src/site/downloads.ts';
import { buildModel } from '../../src/site/model/build.ts';
import { siteFromInput } from '../../src/site/site-data.ts';
import { lac } from '../support/cli.ts';
import { tempRepo, type TestRepo } from '../support/git.ts';
import { MONTHLY, orgFiles } from '../forecast/support.ts';

const TODAY = '2026-12-15';
let repo: TestRepo;
beforeAll(() => {
  repo = tempRepo();
  repo.commit(orgFiles(), { message: 'The inventory', date: '2026-03-10T09:00:00Z' });
  repo.commit({ 'inventory/contracts/tool-2026.yaml': MONTHLY.replace('quantity: 12', 'quantity: 15') }, { message: 'Three more seats', date: '2026-08-15T09:00:00Z' });
});
afterAll(() => repo.cleanup());

describe('the Forecast page and lac forecast agree', () => {
  it('the site model\'s forecast is `lac forecast --backtest --format json`, and the page\'s tables and CSV show its figures', async () => {
    const cli = await lac(['forecast', '--root', repo.dir, '--today', TODAY, '--backtest', '--format', 'json']);
    expect(cli.stderr).toBe('');
    const json = JSON.parse(cli.stdout) as ReturnType<typeof JSON.parse>;
    const { model } = await buildModel({ root: repo.dir, today: TODAY, env: {} });
    expect(JSON.parse(JSON.stringify(model.forecast))).toEqual(json);
    const site = siteFromInput({ base: '/', model, ics: '', sources: null });
    const page = site.pages.find((p) => p.route === '/forecast/')!;
    expect(page.nav).toBe('forecast');
    const text = (c: unknown) => (typeof c === 'string' ? c : (c as { text: string }).text);
    expect(site.tables['forecast-spend']!.rows.map((r) => [r[0], r[3]].map(text))).toEqual(json.spend.months.map((m: { month: string; total: string }) => [m.month, m.total]));
    expect(site.tables['forecast-backtest']!.rows.map((r) => r.slice(0, 4).map(text))).toEqual([
      ...json.backtest.months.map((m: Record<string, string>) => [m.month, m.forecast, m.actual, m.error]), ['Total', json.backtest.forecast, json.backtest.actual, json.backtest.error],
    ]);
    const csv = downloads(site).find((d) => d.path === 'forecast.csv')!;
    // The site's CSVs start with a byte order mark (issue 15); the rest is the CLI's bytes.
    expect(csv.body()).toBe('\uFEFF' + (await lac(['forecast', '--root', repo.dir, '--today', TODAY, '--backtest', '--format', 'csv'])).stdout);
    expect(csv.body()).toBe('\uFEFF' + forecastCsv(model.forecast));
  });
});
