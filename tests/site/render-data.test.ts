// What crosses to Astro (issue 16): the pages, a person's made only when it is rendered (LazyPage), and the
// tables the pages show; the large tables' rows are made when read (lazyRows), not held, and the tables only
// written as CSV are not handed over at all.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { shownTables } from '../../src/site/build.ts';
import { downloads } from '../../src/site/downloads.ts';
import { buildSiteInput } from '../../src/site/input.ts';
import { isLazy, siteFromInput, sitePages } from '../../src/site/site-data.ts';
import type { LazyPage, Page, SiteData, SiteInput, Table } from '../../src/site/types.ts';
import { buildSiteFixture, TODAY } from './fixture.ts';

let input: SiteInput;
let site: SiteData;
let render: ReturnType<typeof sitePages>;
let cleanup: () => void;

beforeAll(async () => {
  const fixture = buildSiteFixture();
  cleanup = () => fixture.cleanup();
  input = await buildSiteInput({ root: fixture.repo.dir, today: TODAY, env: { SOURCE_DATE_EPOCH: '1784000000' } });
  site = siteFromInput(input);
  render = sitePages(input);
});
afterAll(() => cleanup());

/** A page's sections with each table put in place of its ID, rows read: comparable across two makings. */
const resolved = (p: Page, tables: Record<string, Table>) => ({
  ...p, tables: undefined,
  sections: p.sections.map((s) => (s.type === 'table' ? { ...s, t: { ...(p.tables?.[s.table] ?? tables[s.table]!) } } : s)),
});

describe('the pages Astro renders', () => {
  test("a person's page and a file's page are made when rendered, a person's with its own tables; made, each equals the page of the whole site", () => {
    const lazy = render.pages.filter(isLazy);
    expect(lazy.filter((p) => p.route.startsWith('/people/')).length).toBeGreaterThanOrEqual(3);
    expect(lazy.filter((p) => p.route.startsWith('/source/')).length).toBeGreaterThanOrEqual(3);
    expect(lazy.every((p) => /^\/(people|source)\//.test(p.route))).toBe(true);
    const whole = new Map(site.pages.map((p) => [p.route, p]));
    for (const l of lazy) {
      const made = l.make();
      expect(made.route).toBe(l.route);
      // No table of a made page is registered with the site: 100,000 pages' tables are not kept.
      for (const id of Object.keys(made.tables ?? {})) expect(render.tables[id], id).toBeUndefined();
      expect(resolved(made, render.tables)).toEqual(resolved(whole.get(l.route)!, site.tables));
      // Made again (a second render), the same page: nothing was registered twice.
      expect(resolved(l.make(), render.tables)).toEqual(resolved(made, render.tables));
    }
    // The same routes in the same order as the whole site.
    expect(render.pages.map((p) => p.route)).toEqual(site.pages.map((p) => p.route));
  });

  test('a leaver\'s seat removals (a CSV of its own) are the site\'s table, named by the page so that it reaches Astro', () => {
    const withShows = render.pages.filter((p): p is LazyPage => isLazy(p) && (p.shows?.length ?? 0) > 0);
    expect(withShows.length).toBeGreaterThan(0);
    const shown = shownTables(render.pages, render.tables);
    for (const p of withShows) {
      for (const id of p.shows!) {
        expect(shown[id], id).toBe(render.tables[id]);
        expect(downloads({ ...input, tables: render.tables }).map((d) => d.path)).toContain(`csv/${id}.csv`);
      }
      expect(p.make().sections.filter((s) => s.type === 'table' && !p.shows!.includes(s.table)).every((s) => s.type === 'table' && s.table.startsWith('person-'))).toBe(true);
    }
  });

  test('every table a built page shows is handed to Astro, the same object; the tables only written as CSV are not', () => {
    const shown = shownTables(render.pages, render.tables);
    const made = render.pages.map((p) => (isLazy(p) ? p.make() : p));
    const onPages = new Set(made.flatMap((p) => p.sections.flatMap((s) => (s.type === 'table' && !p.tables?.[s.table] ? [s.table] : []))));
    expect(new Set(Object.keys(shown))).toEqual(onPages);
    for (const id of onPages) expect(shown[id]).toBe(render.tables[id]);
    // The shared seats and people tables are CSV files the pages' views open, and no page shows them whole.
    expect(Object.keys(shown)).not.toContain('seats');
    expect(Object.keys(shown)).not.toContain('people');
    const files = downloads({ ...input, tables: render.tables }).map((d) => d.path);
    expect(files).toEqual(expect.arrayContaining(['csv/seats.csv', 'csv/people.csv']));
  });
});

describe('large tables make their rows when read (lazyRows)', () => {
  test('every seat, everyone, the change lists and the seat views hold no rows; each reading makes the same rows anew', () => {
    const lazy = ['seats', 'people', 'audit-trail', ...Object.keys(render.tables).filter((id) => /^license-.*-(seats|history|changes)/.test(id))];
    for (const id of lazy) {
      const t = render.tables[id];
      if (!t) continue;
      expect(Object.getOwnPropertyDescriptor(t, 'rows')?.get, id).toBeTypeOf('function');
      const a = t.rows;
      const b = t.rows;
      expect(b, id).not.toBe(a);
      expect(b, id).toEqual(a);
    }
    expect(render.tables.seats!.rows).toHaveLength(input.model.seats.length);
    expect(render.tables.seats!.rows).toEqual(site.tables.seats!.rows);
  });
});
