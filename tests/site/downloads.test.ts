// Issue 15: every CSV download opens right in a spreadsheet: ISO dates only, numbers as numbers, "unlimited" as an empty
// cell plus a flag column, an ID (and a person's email) beside each name, UTF-8 with a byte order mark.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSiteInput } from '../../src/site/input.ts';
import { siteFromInput } from '../../src/site/site-data.ts';
import { downloads } from '../../src/site/downloads.ts';
import { csvColumns } from '../../src/site/csv/kinds.ts';
import type { SiteData } from '../../src/site/types.ts';
import { parseCsv } from '../support/focus-check.ts';
import { buildSiteFixture, TODAY, type SiteFixture } from './fixture.ts';

let fixture: SiteFixture;
let site: SiteData;

beforeAll(async () => {
  fixture = buildSiteFixture();
  site = siteFromInput(await buildSiteInput({ root: fixture.repo.dir, today: TODAY, env: { SOURCE_DATE_EPOCH: '1784000000' } }));
});
afterAll(() => fixture.cleanup());

const BOM = '\uFEFF';
const file = (path: string) => downloads(site).find((d) => d.path === path)!.body() as string;
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
    for (const t of Object.values(site.tables)) {
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
    const seats = read('csv/license-figma-seats.csv');
    expect(seats.rows.map((r) => [r.Holder, r.Holder_id, r.Holder_email])).toEqual([['Ada Lovelace', 'ada', 'ada@test.example'], ['Bob Byte', 'bob', 'bob@test.example']]);
    const contracts = read('csv/license-figma-contracts.csv');
    expect(contracts.rows[0]).toMatchObject({ Term_start: '2026-01-01', Term_end: '2026-12-31' });
    expect(read('csv/contracts.csv').rows.map((r) => r['Auto-renew'])).toEqual(['true', 'false', 'true']);
    // A tier name a spreadsheet would run as a formula is still neutralised; numbers are not.
    expect(read('csv/license-figma-tiers.csv').rows.map((r) => r.Name)).toEqual(['Full seat', "'+Plus seat"]);
  });

  test('an unlimited count is an empty cell and a true flag; "28 + unlimited" is 28 and true', () => {
    const t = { id: 'x', title: 'x', columns: [{ label: 'Bought', numeric: true, kind: 'count' as const }], rows: [['unlimited'], ['28 + unlimited'], ['12'], ['none'], [{ text: 'full 4, viewer unlimited', value: 4, unlimited: true }]] };
    const csv = (downloads({ ...site, tables: { x: t } }).find((d) => d.path === 'csv/x.csv')!.body() as string).slice(1);
    expect(parseCsv(csv)).toEqual([['Bought', 'Bought_unlimited'], ['', 'true'], ['28', 'true'], ['12', 'false'], ['', 'false'], ['4', 'true']]);
  });

  test('the position and forecast CSVs start with the BOM too, the rest byte for byte as the CLI writes them', () => {
    expect(file('forecast.csv').startsWith(BOM)).toBe(true);
    expect(file('position/figma.csv').startsWith(`${BOM}as_of,`)).toBe(true);
  });
});
