// What crosses to Astro: the tables the pages show, not those only written as CSV (issue 16: the
// shared seats table and each license's change list held while every page renders).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { shownTables } from '../../src/site/build.ts';
import { downloads } from '../../src/site/downloads.ts';
import type { SiteData } from '../../src/site/types.ts';
import { builtSite } from './built.ts';

let site: SiteData;
let cleanup: () => void;

beforeAll(async () => ({ site, cleanup } = await builtSite()));
afterAll(() => cleanup());

test('every table a page shows is handed to Astro, the same object; the tables only written as CSV are not', () => {
  const shown = shownTables(site.pages, site.tables);
  const onPages = new Set(site.pages.flatMap((p) => p.sections.flatMap((s) => (s.type === 'table' ? [s.table] : []))));
  expect(new Set(Object.keys(shown))).toEqual(onPages);
  for (const id of onPages) expect(shown[id]).toBe(site.tables[id]);
  // The shared seats and people tables are CSV files the pages' views open, and no page shows them whole.
  expect(Object.keys(shown)).not.toContain('seats');
  expect(Object.keys(shown)).not.toContain('people');
  const files = downloads(site).map((d) => d.path);
  expect(files).toEqual(expect.arrayContaining(['csv/seats.csv', 'csv/people.csv']));
});
