// The site's data, computed once from a real git repository: figures from the report module,
// renewals, savings from reclaim commits, findings, history and the point-in-time views.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { VERSION } from '../../src/cli/version.ts';
import { buildSiteInput } from '../../src/site/input.ts';
import { siteFromInput } from '../../src/site/site-data.ts';
import { bodyText, downloads } from '../../src/site/downloads.ts';
import type { SiteData, SiteInput } from '../../src/site/types.ts';
import { buildSiteFixture, TODAY, type SiteFixture } from './fixture.ts';
import { lac } from '../support/cli.ts';

let fixture: SiteFixture;
let built: SiteInput;
let site: SiteData;

beforeAll(async () => {
  fixture = buildSiteFixture();
  built = await buildSiteInput({ root: fixture.repo.dir, today: TODAY, env: { SOURCE_DATE_EPOCH: '1784000000' } });
  site = siteFromInput(built);
});
afterAll(() => fixture.cleanup());

describe('site model', () => {
  test('provenance: the HEAD commit, its date, a reproducible build time, no remote', async () => {
    const p = built.model.provenance;
    expect(p.commit).toBe(fixture.repo.git(['rev-parse', 'HEAD']).trim());
    expect(p.commitDate).toBe('2026-07-03T09:00:00Z');
    expect(p).toMatchObject({ dirty: false, builtAt: '2026-07-14T03:33:20Z', today: TODAY, repoUrl: null });
  });

  test('license figures come from the report: bought, assigned, active, idle, cost and waste in the org currency', () => {
    const figma = built.model.licenses.find((l) => l.id === 'figma')!;
    expect(figma).toMatchObject({ entitled: 6, assigned: 2, active: 1, inactive: 1, annualCost: '2124.00', waste: '1638.00', usageTaken: '2026-07-01T06:00:00Z' });
    expect(figma.tiers.map((t) => [t.id, t.entitled, t.assigned, t.active, t.annualCost, t.waste])).toEqual([
      ['full', 4, 1, 1, '1944.00', '1458.00'],
      ['plus', 2, 1, 0, '180.00', '180.00'],
    ]);
    const slack = built.model.licenses.find((l) => l.id === 'slack')!;
    expect(slack).toMatchObject({ entitled: 6, assigned: 3, active: null, assignedShare: 0.5, annualCost: '540.00' });
  });

  test('chargeback rows add up to the annual spend', () => {
    const spend = built.model.licenses.reduce((s, l) => s + Number(l.annualCost), 0);
    for (const rows of [built.model.chargeback.departments, built.model.chargeback.costCentres]) {
      expect(rows.reduce((s, r) => s + Number(r.annualCost), 0)).toBeCloseTo(spend, 6);
    }
    expect(built.model.chargeback.costCentres.map((r) => r.key)).toEqual(['(unassigned)', 'CC-100', 'CC-200']);
  });

  test('renewals: cancel-by dates and status from the renewal plan; the replaced contract is renewed', () => {
    expect(built.model.upcoming).toEqual(['figma-2026', 'slack-2026']);
    expect(built.model.contracts.map((c) => [c.id, c.status, c.cancelBy])).toEqual([
      ['figma-2026', 'upcoming', '2026-12-02'],
      ['slack-2025', 'renewed', '2026-05-31'],
      ['slack-2026', 'upcoming', '2027-04-01'],
    ]);
    expect(built.ics).toContain('BEGIN:VCALENDAR');
    expect(built.ics).toContain('DTSTART;VALUE=DATE:20261202');
  });

  test('savings realised: the reclaim commit of this fiscal year, priced per seat', () => {
    expect(built.model.savings).toMatchObject({ since: '2026-04-01', seats: 1, total: '486.00' });
    expect(built.model.savings.items.map((i) => [i.date, i.license, i.holder, i.tier, i.annual])).toEqual([['2026-07-03', 'figma', 'cy', 'full', '486.00']]);
  });

  test('findings of lac check at the commit, with their lines', () => {
    expect(built.model.findings.map((f) => `${f.file}:${f.line} ${f.rule}`)).toEqual([
      'inventory/assignments/figma.yaml:4 inactive-seat',
      'inventory/assignments/slack.yaml:5 seat-held-by-leaver',
      'inventory/usage/figma.yaml:7 unassigned-account',
    ]);
  });

  test('point in time: each month end since the first commit and the fiscal year end, read from the commit of that day', () => {
    expect(built.model.snapshots.map((s) => [s.date, s.kind, s.seats.length, s.annualCost])).toEqual([
      ['2026-01-31', 'month-end', 5, '3024.00'],
      ['2026-02-28', 'month-end', 6, '3024.00'],
      ['2026-03-31', 'fiscal-year-end', 6, '3024.00'],
      ['2026-04-30', 'month-end', 6, '3024.00'],
      ['2026-05-31', 'month-end', 6, '3024.00'],
      ['2026-06-30', 'month-end', 6, '2664.00'],
    ]);
    const feb = built.model.snapshots[1]!;
    expect(feb.commit).toBe(fixture.repo.git(['rev-list', '-1', '--first-parent', '--before=2026-02-28T23:00:00Z', 'HEAD']).trim());
    expect(feb.contracts).toEqual(['figma-2026', 'slack-2025']);
  });

  test('the point-in-time views are cached by commit for the next build, which shows the same', async () => {
    const dir = join(fixture.repo.dir, '.git', 'lac-cache', 'site', VERSION, 'snapshots');
    expect(readdirSync(dir).sort()).toEqual([...new Set(built.model.snapshots.map((s) => `${s.commit}.json`))].sort());
    const again = await buildSiteInput({ root: fixture.repo.dir, today: TODAY, env: { SOURCE_DATE_EPOCH: '1784000000' } });
    expect(again.model.snapshots).toEqual(built.model.snapshots);
  });

  test('the audit trail holds every change event with its pull request', () => {
    const events = built.model.events;
    expect(events).toHaveLength(20);
    expect(events[0]).toMatchObject({ type: 'seat.removed', license: 'figma', person: 'cy', pr: 6 });
    expect(events.find((e) => e.type === 'person.left')).toMatchObject({ person: 'cy', pr: 3 });
  });
});

describe('site pages and downloads', () => {
  test('routes are unique and every table is offered as CSV: its own, or the shared one it is a view of', () => {
    const routes = site.pages.map((p) => p.route);
    expect(new Set(routes).size).toBe(routes.length);
    const files = downloads(site).map((d) => d.path);
    for (const t of Object.values(site.tables)) if (t.csv !== null) expect(files).toContain(`csv/${t.csv ?? t.id}.csv`);
    expect(files).toEqual(expect.arrayContaining(['data.json.gz', 'renewals.ics']));
  });

  test('the CSV of a table holds its cells, a formula-like name neutralised', () => {
    const csv = bodyText(downloads(site).find((d) => d.path === 'csv/license-figma-tiers.csv')!);
    // Typed (issue 15): the count with its unlimited flag, the percent as a number, one currency column.
    expect(csv.split('\r\n')[2]).toBe("plus,'+Plus seat,2,false,1,1,false,0,1,0,0,180.00,,180.00,EUR");
  });

  test('without a web address, findings link to the site\'s own source view at the line', () => {
    const t = site.tables.findings!;
    expect(t.rows[1]![2]).toEqual({ text: 'inventory/assignments/slack.yaml:5:15', href: '/source/inventory/assignments/slack.yaml/#L5' });
    const page = site.pages.find((p) => p.route === '/source/inventory/assignments/slack.yaml/')!;
    const code = page.sections.find((s) => s.type === 'code');
    expect(code && code.type === 'code' && code.lines[4]).toContain('person: cy');
  });

  test('leavers still holding seats are listed on the overview and the people page', () => {
    const rows = site.tables['leavers-holding-seats']!.rows;
    expect(rows).toEqual([[{ text: 'Cy Leaver', href: '/people/cy/', id: 'cy', email: 'cy@test.example' }, 'left on 2026-04-30', { text: 'Slack Business+', href: '/licenses/slack/', id: 'slack' }, 'standard', '2025-06-01']]);
    expect(site.tables['leavers-with-seats']!.rows).toHaveLength(1);
  });

  // Issue 11: bought is per tier (an over-assigned tier is not hidden by a sum), idle is never a 0 for unknown use.
  test('seats bought per tier, and unknown use with its reason, on the overview and the licenses table', () => {
    const overview = site.pages.find((p) => p.route === '/')!;
    const chart = overview.sections.find((s) => s.type === 'chart' && s.title === 'Seats assigned of seats bought');
    const svg = chart && chart.type === 'chart' ? chart.svg : '';
    expect(svg).toContain('Figma Organization · full<');
    expect(svg).toContain('1 / 4 (25%)');
    expect(svg).toContain('1 / 2 (50%)');
    const rows = site.tables.licenses!.rows;
    const figma = rows.find((r) => JSON.stringify(r[0]).includes('/licenses/figma/'))!;
    const slack = rows.find((r) => JSON.stringify(r[0]).includes('/licenses/slack/'))!;
    expect(figma[3]).toEqual({ text: 'full 4, plus 2', value: 6, unlimited: false });
    expect(slack[6]).toEqual({ text: '1 (+ 2 unknown: slack has no usage source)', value: 1 });
  });

  test('the audit trail is paginated by kind of change', () => {
    const audit = site.pages.filter((p) => p.route.startsWith('/audit/') && !p.route.startsWith('/audit/commit/')).map((p) => p.route);
    expect(audit).toEqual(['/audit/', '/audit/seat/1/', '/audit/person/1/', '/audit/license/1/', '/audit/contract/1/', '/audit/vendor/1/', '/audit/usage/1/', '/audit/org/1/',
      // and by month (issue 15), newest first, from the month index.
      '/audit/months/', '/audit/2026/07/', '/audit/2026/05/', '/audit/2026/02/', '/audit/2026/01/']);
  });

  test('spend per fiscal year: the period analysis (lac report --period) on a page per year, linked from the overview', async () => {
    const years = built.model.spend.map((y) => [y.label, y.from, y.to, y.basis]);
    expect(years).toEqual([['FY2025', '2025-04-01', '2026-03-31', 'history'], ['FY2026', '2026-04-01', '2027-03-31', 'history']]);
    for (const y of built.model.spend) {
      const cli = JSON.parse((await lac(['report', '--root', fixture.repo.dir, '--period', String(y.year), '--format', 'json'])).stdout) as { total: string; departments: { key: string; amount: string }[] };
      expect(y.total).toBe(cli.total);
      expect(y.departments.map((d) => [d.key, d.amount])).toEqual(cli.departments.map((d) => [d.key, d.amount]));
    }
    const overview = site.pages.find((p) => p.route === '/')!;
    const links = overview.sections.flatMap((x) => (x.type === 'links' ? x.links.map((l) => l.href) : []));
    expect(links).toEqual(['/spend/2026/', '/spend/2025/']);
    expect(site.pages.find((p) => p.route === '/spend/2026/')!.title).toBe('Spend in fiscal year 2026');
  });
});
