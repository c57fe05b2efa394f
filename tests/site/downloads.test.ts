// Issue 15: every CSV download opens right in a spreadsheet: ISO dates only, numbers as numbers, "unlimited" as an empty
// cell plus a flag column, an ID (and a person's email) beside each name, UTF-8 with a byte order mark.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bodyText, downloads } from '../../src/site/downloads.ts';
import { csvColumns } from '../../src/site/csv/kinds.ts';
import { familyNamer } from '../../src/site/csv/families.ts';
import { COLUMNS_TABLE, UNDOCUMENTED } from '../../src/site/pages/downloads.ts';
import { trail } from '../../src/site/pages/audit.ts';
import { pagerSection } from '../../src/site/pages/context.ts';
import { routes } from '../../src/site/routes.ts';
import type { SiteData, Table } from '../../src/site/types.ts';
import { parseCsv } from '../support/focus-check.ts';
import { builtSite } from './built.ts';
import { TODAY } from './fixture.ts';

let site: SiteData;
let cleanup: () => void;

beforeAll(async () => ({ site, cleanup } = await builtSite()));
afterAll(() => cleanup());

const BOM = '\uFEFF';
const file = (path: string) => bodyText(downloads(site).find((d) => d.path === path)!);
/** A download parsed by the strict RFC 4180 reader, its BOM checked and removed. */
function read(path: string): { header: string[]; rows: Record<string, string>[] } {
  const text = file(path);
  expect(text.startsWith(BOM), path).toBe(true);
  const [header = [], ...rows] = parseCsv(text.slice(1));
  return { header, rows: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!]))) };
}

describe('CSV downloads', () => {
  test('every table\'s CSV: dates ISO, numbers plain, flags true/false, an ID beside each name', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const t of Object.values(site.tables).filter((x) => x.csv === undefined)) {
      const { header, rows } = read(`csv/${t.id}.csv`);
      const cols = csvColumns(t);
      expect(header, t.id).toEqual(cols.map((c) => c.header));
      for (const c of cols) {
        if (c.kind === 'person') expect(header, t.id).toEqual(expect.arrayContaining([`${c.source.label}_id`, `${c.source.label}_email`]));
        if (c.kind === 'ref') expect(header, t.id).toContain(`${c.source.label}_id`);
        for (const r of rows) {
          const v = r[c.header]!;
          checked++;
          const ok = v === '' ? c.role !== 'unlimited' && c.type !== 'boolean'
            : c.type === 'date' ? /^\d{4}-\d{2}-\d{2}$/.test(v)
            : c.type === 'number' ? /^-?\d+(\.\d+)?$/.test(v)
            : c.type === 'boolean' ? v === 'true' || v === 'false'
            : c.type === 'currency' ? /^[A-Z]{3}$/.test(v) : true;
          if (!ok) problems.push(`${t.id} ${c.header}: ${JSON.stringify(v)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  test('the findings of issue 15: "(today)" is off the date, bought is a number and a flag, the percent a number, seats carry person ID and email', () => {
    const over = read('csv/license-figma-over-time.csv');
    expect(over.rows.at(-1)).toMatchObject({ Date: TODAY, Bought: '6', Bought_unlimited: 'false' });
    const licenses = read('csv/licenses.csv');
    expect(licenses.rows.find((r) => r.License_id === 'slack')).toMatchObject({ 'Assigned of bought (counted tiers)': '50', Idle: '1', Active: '', 'Annual cost (EUR)': '540.00', Currency: 'EUR' });
    const seats = read('csv/seats.csv');
    expect(seats.rows.filter((r) => r.License_id === 'figma').map((r) => [r.Holder, r.Holder_id, r.Holder_email])).toEqual([['Ada Lovelace', 'ada', 'ada@test.example'], ['Bob Byte', 'bob', 'bob@test.example']]);
    const contracts = read('csv/license-figma-contracts.csv');
    expect(contracts.rows[0]).toMatchObject({ Term_start: '2026-01-01', Term_end: '2026-12-31' });
    expect(read('csv/contracts.csv').rows.map((r) => r['Auto-renew'])).toEqual(['true', 'false', 'true']);
    // A tier name a spreadsheet would run as a formula is still neutralised; numbers are not.
    expect(read('csv/license-figma-tiers.csv').rows.map((r) => r.Name)).toEqual(['Full seat', "'+Plus seat"]);
  });

  test('an unlimited count is an empty cell and a true flag; "28 + unlimited" is 28 and true', () => {
    const t = { id: 'x', title: 'x', columns: [{ label: 'Bought', numeric: true, kind: 'count' as const }], rows: [['unlimited'], ['28 + unlimited'], ['12'], ['none'], [{ text: 'full 4, viewer unlimited', value: 4, unlimited: true }]] };
    const csv = bodyText(downloads({ ...site, tables: { x: t } }).find((d) => d.path === 'csv/x.csv')!).slice(1);
    expect(parseCsv(csv)).toEqual([['Bought', 'Bought_unlimited'], ['', 'true'], ['28', 'true'], ['12', 'false'], ['', 'false'], ['4', 'true']]);
  });

  test('the position and forecast CSVs start with the BOM too, the rest byte for byte as the CLI writes them', () => {
    expect(file('forecast.csv').startsWith(BOM)).toBe(true);
    expect(file('position/figma.csv').startsWith(`${BOM}as_of,`)).toBe(true);
  });
});

describe('shared CSVs (issue 16)', () => {
  test('a license\'s change history has no License column (every row is that license); the audit trail has one', () => {
    const labels = (id: string) => site.tables[id]!.columns.map((c) => c.label);
    for (const l of site.model.licenses) {
      expect(labels(`license-${l.id}-history`)).toEqual(['Date', 'Event', 'Subject', 'Change', 'Author', 'Commit', 'Pull request', 'Signed']);
      for (const r of site.tables[`license-${l.id}-history`]!.rows) expect(r).toHaveLength(8);
    }
    expect(labels('audit-all-1')).toContain('License');
  });

  test('a person\'s and a license\'s seats and ownership are views of seats.csv and ownership.csv, rows equal to theirs there; no CSV per person or per license seat list', () => {
    const paths = downloads(site).map((d) => d.path);
    // Only a leaver's seat removals (offboarding evidence, a few people) keep a file of their own.
    expect(paths.filter((p) => p.startsWith('csv/person-'))).toEqual(['csv/person-cy-offboarding.csv']);
    const seats = read('csv/seats.csv').rows;
    const owners = read('csv/ownership.csv').rows;
    for (const person of ['ada', 'bob', 'cy']) {
      const own = site.tables[`person-${person}-seats`]!;
      expect(own.csv).toBe('seats');
      const shared = seats.filter((r) => r.Holder_id === person);
      expect(shared.length).toBe(own.rows.length);
      expect(shared.map((r) => [r.License_id, r.Tier, r.Since])).toEqual(own.rows.map((r) => [(r[0] as { id: string }).id, r[1], r[2]]));
      expect(owners.filter((r) => r.Owner_id === person).map((r) => r.What_id)).toEqual(site.tables[`person-${person}-owns`]?.rows.map((r) => (r[0] as { id: string }).id) ?? []);
    }
    // Only owners have an "Owns" section on their page.
    const owning = new Set(owners.map((r) => r.Owner_id));
    const personPages = site.pages.filter((p) => /^\/people\/[^/]+\/$/.test(p.route) && p.route !== '/people/list/');
    expect(personPages.filter((p) => !owning.has(p.route.split('/')[2]!)).length).toBeGreaterThan(0);
    for (const page of personPages) {
      const id = page.route.split('/')[2]!;
      expect(page.sections.some((s) => s.type === 'table' && s.table === `person-${id}-owns`), id).toBe(owning.has(id));
    }
    expect(owning.size).toBeGreaterThan(0);
    expect(seats.length).toBe(site.model.seats.length);
    // A license's seat list is a view of the same file: its rows are those of the license there, in order.
    expect(paths.filter((p) => /^csv\/license-.*-seats/.test(p))).toEqual([]);
    for (const license of site.model.licenses) {
      const view = site.tables[`license-${license.id}-seats`]!;
      expect(view.csv).toBe('seats');
      expect(seats.filter((r) => r.License_id === license.id).map((r) => [r.Holder_id, r.Tier, r.Since, r.Line])).toEqual(view.rows.map((r) => [(r[0] as { id: string }).id, r[1], r[2], (r[5] as { text: string }).text]));
    }
    expect(owners.map((r) => [r.Owner_id, r.What_id])).toEqual(expect.arrayContaining([['ada', 'figma'], ['bob', 'slack']]));
    expect(site.tables['person-cy-history']!.csv).toBeNull();
  });
});

describe('the downloads page', () => {
  test('documents every column of every CSV download under its file, with a type and a meaning', () => {
    const doc = read(`csv/${COLUMNS_TABLE}.csv`).rows;
    const family = familyNamer(site.model);
    const missing: string[] = [];
    const csvs = downloads(site).filter((d) => d.path.endsWith('.csv'));
    for (const d of csvs) {
      const name = d.path.startsWith('csv/') ? `${family(d.path.slice(4, -4))}.csv` : d.path.startsWith('position/') ? 'position/<vendor>.csv' : d.path;
      for (const h of read(d.path).header) {
        const row = doc.find((r) => r.File === name && r.Column === h);
        if (!row || !row.Type || !row.Meaning || row.Meaning === UNDOCUMENTED) missing.push(`${d.path} ${h}`);
      }
    }
    expect(missing).toEqual([]);
    expect(csvs.length).toBeGreaterThan(100);
    // One row per column of a shape: the two licenses' tier tables are documented once, as license-<license>-tiers.csv.
    expect(doc.filter((r) => r.File === 'license-<license>-tiers.csv' && r.Column === 'Bought_unlimited')).toEqual([
      expect.objectContaining({ Files: '2', Type: 'true/false' }),
    ]);
    expect(doc.find((r) => r.File === 'licenses.csv' && r.Column === 'Assigned of bought (counted tiers)')!.Type).toBe('number (percent, 0–100)');
  });

  test('states the encoding, and is linked from every page\'s footer (tests/site/reach.test.ts crawls it)', () => {
    const page = site.pages.find((p) => p.route === routes.downloads)!;
    expect(JSON.stringify(page.sections)).toContain('UTF-8 with a byte order mark');
  });
});

describe('the audit trail by date', () => {
  const trailRows = () => trail(site.model.events);

  test('one CSV per year holds exactly the events of that year, and the whole trail is one CSV', () => {
    const years = [...new Set(trailRows().map((e) => e.date.slice(0, 4)))];
    expect(years.length).toBeGreaterThan(0);
    const all: string[] = [];
    for (const y of years) {
      const rows = read(`csv/audit-year-${y}.csv`).rows;
      const expected = trailRows().filter((e) => e.date.startsWith(y));
      expect(rows.map((r) => [r.Date, r.Event, r.Commit_id])).toEqual(expected.map((e) => [e.date.slice(0, 10), e.type, e.commit]));
      all.push(...rows.map((r) => JSON.stringify(r)));
    }
    expect(read('csv/audit-trail.csv').rows.map((r) => JSON.stringify(r))).toEqual(all);
  });

  test('a page per month lists exactly that month\'s events, linked from the month index', () => {
    const index = site.pages.find((p) => p.route === routes.auditMonths)!;
    const linked = index.sections.flatMap((s) => (s.type === 'links' ? s.links.map((l) => l.href!) : []));
    const months = [...new Set(trailRows().map((e) => e.date.slice(0, 7)))];
    expect(months.length).toBeGreaterThan(2);
    for (const month of months) {
      expect(linked).toContain(routes.auditMonth(month));
      const page = site.pages.find((p) => p.route === routes.auditMonth(month))!;
      const table = page.sections.flatMap((s) => (s.type === 'table' ? [site.tables[s.table]!] : []))[0]!;
      const commit = table.columns.findIndex((c) => c.label === 'Commit');
      expect(table.rows.map((r) => (r[commit] as { id: string }).id)).toEqual(trailRows().filter((e) => e.date.startsWith(month)).map((e) => e.commit));
    }
    expect(routes.auditMonth('2026-07')).toBe('/audit/2026/07/');
    expect(routes.auditMonth('2026-07', 3)).toBe('/audit/2026/07/3/');
  });

  test('seats.csv and every change history know their columns without reading a row, and keep one type per column', () => {
    /** The table with rows that throw when read: what csvColumns reads of them fails it. */
    const unread = (t: Table): Table => {
      const { rows: _rows, ...rest } = t;
      return Object.defineProperty(rest, 'rows', { get: () => { throw new Error(`${t.id}: rows read`); }, enumerable: true }) as Table;
    };
    const histories = Object.values(site.tables).filter((t) => /^license-.*-history$|^audit/.test(t.id) && t.columns.some((c) => c.label === 'Signed'));
    expect(histories.length).toBeGreaterThan(3);
    for (const t of [site.tables.seats!, ...histories]) expect(csvColumns(unread(t)), t.id).toEqual(csvColumns(t));
    // The verdict as the page shows it, a text column in every history (one whose commits all say "no" too).
    for (const t of histories) {
      expect(csvColumns(t).find((c) => c.header === 'Signed')?.type, t.id).toBe('text');
      for (const r of read(`csv/${t.id}.csv`).rows) expect(r.Signed, t.id).not.toMatch(/^(true|false|)$/);
    }
  });

  test('the pager has previous and next links beside the page numbers', () => {
    const href = (p: number) => `/audit/all/${p}/`;
    const first = pagerSection('Pages', 12, 1, href);
    const middle = pagerSection('Pages', 12, 6, href);
    const last = pagerSection('Pages', 12, 12, href);
    expect(first).toMatchObject({ next: { text: 'Next', href: '/audit/all/2/' } });
    expect(first).not.toHaveProperty('prev');
    expect(middle).toMatchObject({ current: 6, prev: { href: '/audit/all/5/' }, next: { href: '/audit/all/7/' } });
    expect(middle.type === 'pager' && middle.pages.map((c) => c.text)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '12']);
    expect(last).toMatchObject({ prev: { href: '/audit/all/11/' } });
    expect(last).not.toHaveProperty('next');
  });
});

describe('file name patterns', () => {
  test('an ID with dashes is matched whole, the longest first; dates, months, years, commits and pages become placeholders', () => {
    const name = familyNamer({ ...site.model, licenses: [{ id: 'figma' }, { id: 'figma-2026' }] as never, contracts: [{ id: 'figma-2026' }] as never });
    expect(['license-figma-tiers', 'license-figma-2026-over-time', 'contract-figma-2026-lines', 'at-2026-03-31-seats', 'spend-2025-04-departments', 'spend-2026-licenses', 'commit-0123456789ab-kinds', 'audit-seat-12', 'audit-2026-07-3', 'audit-year-2026', 'licenses'].map(name)).toEqual([
      'license-<license>-tiers', 'license-<license>-over-time', 'contract-<contract>-lines', 'at-<date>-seats', 'spend-<month>-departments', 'spend-<year>-licenses', 'commit-<commit>-kinds', 'audit-<kind>-<page>', 'audit-<month>-<page>', 'audit-year-<year>', 'licenses',
    ]);
  });
});

describe('cells a spreadsheet could not read before', () => {
  test('an amount with an unknown part keeps its known part; a number with a note keeps the number; text in a date column is dropped', () => {
    const t = {
      id: 'x', title: 'x',
      columns: [{ label: 'True-up (EUR)', numeric: true }, { label: 'Peak in use', numeric: true }, { label: 'Removed on', kind: 'date' as const }, { label: 'Share', kind: 'percent' as const }],
      rows: [['12.50 + unknown', '5 (2026-07-01)', 'still held', '45%'], ['?', '—', '2026-07-03', { text: '3/4 (75.0%)', value: 75 }]],
    };
    const csv = bodyText(downloads({ ...site, tables: { x: t } }).find((d) => d.path === 'csv/x.csv')!).slice(1);
    expect(parseCsv(csv)).toEqual([['True-up (EUR)', 'Peak in use', 'Removed on', 'Share', 'Currency'], ['12.50', '5', '', '45', 'EUR'], ['', '', '2026-07-03', '75', 'EUR']]);
  });
});
