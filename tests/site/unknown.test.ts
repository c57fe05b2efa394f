// The site shows a summed row's unknown part as `lac report` does (issue 11, "Bad input"): the
// department, cost-centre, vendor, license and spend rows carry the report's reason; the amount
// column keeps the known part (empty when nothing is known, never 0.00), a "Cost unknown" column
// says why, and a row with no unknown part has no marker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyText, downloads } from '../../src/site/downloads.ts';
import { buildSiteInput } from '../../src/site/input.ts';
import { siteFromInput } from '../../src/site/site-data.ts';
import type { SiteInput } from '../../src/site/types.ts';
import { parseCsv, rowRecord } from '../../src/usage/http/csv.ts';
import { tempRepo, type TestRepo } from '../support/git.ts';
import { NO_RATE, unknownRowFiles } from '../report/unknown-rows.ts';

let repo: TestRepo;
let built: SiteInput;
beforeAll(async () => {
  repo = tempRepo();
  repo.commit(unknownRowFiles(), { message: 'Figma in USD without a rate, Slack in EUR', date: '2026-01-02T09:00:00Z' });
  built = await buildSiteInput({ root: repo.dir, today: '2026-03-10', env: { SOURCE_DATE_EPOCH: '1784000000' } });
});
afterAll(() => repo.cleanup());

const FULL = `figma/full: ${NO_RATE}`;
const VIEWER = `figma/viewer: ${NO_RATE}`;

describe('site model: unknown parts of summed rows', () => {
  it('a department row carries the unknown marker with its reason; a known row has none', () => {
    const d = (k: string) => built.model.chargeback.departments.find((r) => r.key === k)!;
    expect(d('eng')).toMatchObject({ annualCost: '365.00', costUnknown: { reason: FULL, whole: false }, licensesUnknown: { figma: { reason: FULL, whole: true } } });
    expect(d('sales')).toMatchObject({ annualCost: '0.00', costUnknown: { reason: VIEWER, whole: true } });
    expect(d('ops')).toMatchObject({ annualCost: '365.00', costUnknown: null, licensesUnknown: {}, acrossUnknown: {} });
    expect(built.model.chargeback.costCentres.find((r) => r.key === 'CC-300')!.costUnknown).toBeNull();
    expect(built.model.vendors.map((v) => [v.id, v.costUnknown])).toEqual([['figma', { reason: `${FULL}; ${VIEWER}`, whole: true }], ['slack', null]]);
    expect(built.model.licenses.find((l) => l.id === 'slack')!.annualCostUnknown).toBeNull();
    const fy = built.model.spend.find((y) => y.year === 2026)!;
    expect(fy.totalUnknown).toEqual({ reason: `${FULL}; ${VIEWER}`, whole: false });
    expect(fy.departments.find((r) => r.key === 'eng')).toMatchObject({ amount: '365.00', unknown: { reason: FULL, whole: false } });
    expect(fy.departments.find((r) => r.key === 'ops')!.unknown).toBeNull();
  });

  it('the chargeback, vendor and spend tables show it in a "Cost unknown" column, and their amounts still sum', () => {
    const site = siteFromInput(built);
    const table = (id: string) => {
      const t = parseCsv(bodyText(downloads(site).find((x) => x.path === `csv/${id}.csv`)!));
      return t.rows.map((r) => rowRecord(t.header, r));
    };
    const depts = table('chargeback-departments');
    const row = (key: string) => depts.find((r) => r.Key === key)!;
    expect([row('eng')['Annual cost (EUR)'], row('eng')['Cost unknown']]).toEqual(['365.00', `partly unknown: ${FULL}`]);
    expect([row('sales')['Annual cost (EUR)'], row('sales')['Cost unknown']]).toEqual(['', `unknown: ${VIEWER}`]);
    expect([row('ops')['Annual cost (EUR)'], row('ops')['Cost unknown']]).toEqual(['365.00', '']);
    // The known parts add up to the known total (730.00: Slack).
    expect(depts.reduce((n, r) => n + Number(r['Annual cost (EUR)'] || 0), 0)).toBe(730);
    expect(table('vendors').map((r) => [r['Annual cost (EUR)'], r['Cost unknown']])).toEqual([['', `unknown: ${FULL}; ${VIEWER}`], ['730.00', '']]);
    expect(table('spend-2026-departments').find((r) => r.Key === 'eng')!['Cost unknown']).toBe(`partly unknown: ${FULL}`);
    expect(table('spend-2026-03-departments').map((r) => [r.Key, r['Spend (EUR)'], r['Cost unknown']])).toEqual([
      ['(unassigned)', '', `unknown: ${FULL}`], ['eng', '31.00', `partly unknown: ${FULL}`], ['ops', '31.00', ''], ['sales', '', `unknown: ${VIEWER}`],
    ]);
    expect(table('contracts').map((r) => [r.Contract, r['Annual cost (EUR)'], r['Cost unknown']])).toEqual([['figma-2026', '', `unknown: ${NO_RATE}`], ['slack-2026', '730.00', '']]);
    // The chart beside the cost-centre table labels its bars the same way.
    const chart = site.pages.find((pg) => pg.title.startsWith('Chargeback'))!.sections.find((x) => x.type === 'chart')!;
    const labels = (JSON.stringify(chart).match(/>[^<>]*</g) ?? []).map((x) => x.slice(1, -1));
    expect(labels).toEqual(expect.arrayContaining(['CC-100', '365.00 EUR + unknown', 'CC-200', 'unknown', 'CC-300', '365.00 EUR']));
    expect(table('licenses').map((r) => r['Cost unknown'])).toEqual([`unknown: ${FULL}; ${VIEWER}`, '']);
  });

  it('a site where every amount is known has no "Cost unknown" column', async () => {
    repo.commit({ 'inventory/org.yaml': unknownRowFiles()['inventory/org.yaml']!.replace('exchange_rates: {}', 'exchange_rates: { USD: "0.90" }') }, { message: 'USD rate', date: '2026-01-03T09:00:00Z' });
    const site = siteFromInput(await buildSiteInput({ root: repo.dir, today: '2026-03-10', env: { SOURCE_DATE_EPOCH: '1784000000' } }));
    const headers = downloads(site).filter((x) => x.path.startsWith('csv/')).map((x) => bodyText(x).split('\r\n')[0]!);
    expect(headers.filter((h) => h.includes('Cost unknown'))).toEqual([]);
    expect(headers.length).toBeGreaterThan(10);
  });
});
