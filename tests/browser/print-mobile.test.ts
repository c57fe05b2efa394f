// The demo site (issue 15) in headless Chromium on a 375 px phone, at 1280 px, and printed on A4 and
// Letter: no page wider than the screen, no table column lost, no navigation or screen-only caption in
// print, headings kept with what follows, readable chart labels with the figures on the page, and
// unique landmark names. The demo repository's site is built once per test run (tests/support/demo-site.ts).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveStatic, type StaticServer } from '../../src/site/serve.ts';
import { DEMO_BASE, demoSite } from '../support/demo-site.ts';
import { requireTool } from '../support/tools.ts';
import { axePage, axeViolations, CHROMIUM, launch } from './chromium.ts';
import { chartProblems, lastColumnsOutside, overflowPx, printProblems } from './layout.ts';

const BASE = DEMO_BASE;
/** The content box of a page with the stylesheet's 12 mm margins, at 96 px to the inch. */
const MM = 96 / 25.4;
const PAPER = { A4: Math.floor((210 - 24) * MM), Letter: Math.floor(8.5 * 96 - 24 * MM) } as const;

const chromium = requireTool({ name: 'chromium', path: CHROMIUM, install: 'apt-get install -y chromium' });

let server: StaticServer;
let browser: Browser;
/** Page kind ("people/*", "audit/commit/*") → the paths (under the base) of the largest and the first page of that kind. */
let kinds: Map<string, string[]>;

// Every page of the built site, grouped by kind: the first path segment, the second too on deeper pages
// unless a number (audit/commit/<sha>, but spend/<year>/<month>), the rest as a star.
function pageKinds(out: string): Map<string, string[]> {
  const pages: { path: string; size: number }[] = [];
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name), `${rel}${e.name}/`);
      else if (e.name === 'index.html') pages.push({ path: rel, size: statSync(join(dir, e.name)).size });
    }
  };
  walk(out, '');
  const groups = new Map<string, { path: string; size: number }[]>();
  for (const p of pages.sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const s = p.path.split('/').filter(Boolean);
    const kind = s.map((x, i) => (i === 0 || (i === 1 && s.length > 2 && !/^\d+$/.test(x)) ? x : '*')).join('/');
    groups.set(kind, [...(groups.get(kind) ?? []), p]);
  }
  return new Map([...groups].map(([k, ps]) => [k, [...new Set([[...ps].sort((a, b) => b.size - a.size)[0]!.path, ps[0]!.path])]]));
}

/** What the page's window offers these tests (the tests are typed without the DOM library). */
interface InPage { getComputedStyle(e: unknown, pseudo: string): { content: string; overflowWrap: string } }

const pageOf = (kind: string) => kinds.get(kind)![0]!;

/** Opens a path of the site, failing on a status other than 200. */
async function open(page: Page, path: string): Promise<void> {
  const res = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  expect(res?.status(), path).toBe(200);
}

/** Opens each path at a viewport width and collects what `check` reports there, and how many `selector` elements it saw. */
async function survey(width: number, paths: string[], selector: string, check: (arg: number) => string[], arg: number): Promise<{ problems: string[]; found: number }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const problems: string[] = [];
  let found = 0;
  for (const path of paths) {
    await open(page, path);
    found += await page.locator(selector).count();
    problems.push(...(await page.evaluate(check, arg)).map((p) => `/${path}: ${p}`));
  }
  await page.close();
  return { problems, found };
}

interface PhoneLook {
  /** Pages wider than the screen, with their width. */
  wide: string[];
  /** What chartProblems found, and the charts seen. */
  charts: { problems: string[]; found: number };
}
let phoneLook: Promise<PhoneLook> | undefined;
/** Every page of every kind opened once at 375 px (812 px high, a phone), for the tests that look at it there. */
function phone(): Promise<PhoneLook> {
  return (phoneLook ??= (async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    const look: PhoneLook = { wide: [], charts: { problems: [], found: 0 } };
    for (const path of [...kinds.values()].flat()) {
      await open(page, path);
      const over = await page.evaluate(overflowPx);
      if (over > 0) look.wide.push(`/${path}: ${375 + over} px`);
      const charts = await page.evaluate(chartProblems, 10);
      look.charts.found += charts.found;
      look.charts.problems.push(...charts.problems.map((p) => `/${path}: ${p}`));
    }
    await page.close();
    return look;
  })());
}

describe.runIf(chromium !== undefined)('the demo site on a phone, at 1280 px and in print', () => {
  // The demo site, built by the first file of the run that asks (about 20 s idle; more at load 8 on 2 cores). Budget 240 s.
  beforeAll(async () => {
    // The run's shared demo site (tests/support/demo-site.ts), only read here.
    const { out } = await demoSite();
    kinds = pageKinds(out);
    server = await serveStatic(out, { base: BASE });
    browser = await launch();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the page kinds cover every section of the site', () => {
    for (const k of ['', 'licenses', 'licenses/*', 'contracts/*', 'vendors/*', 'people', 'people/*', 'departments', 'compliance', 'audit', 'audit/commit/*', 'spend/*', 'spend/*/*', 'renewals', 'forecast', 'position', 'search', 'at/*', 'source/inventory/*/*']) {
      expect(kinds.has(k), k).toBe(true);
    }
  });

  // About 60 pages; 20-40 s at load 8 on 2 cores. Budget 180 s.
  test('no page of any kind is wider than a 375 px screen', async () => {
    expect((await phone()).wide).toEqual([]);
  }, 180_000);

  test('at 375 px chart labels render at 10 px or more, and every chart has its figures as a table on the page', async () => {
    const { charts } = await phone();
    expect(charts.problems).toEqual([]);
    expect(charts.found).toBeGreaterThanOrEqual(8);
  }, 180_000);

  test('at 1280 px the last column of every table, change histories included, is inside the visible table', async () => {
    const history = [pageOf('audit'), pageOf('audit/commit/*'), pageOf('licenses/*'), pageOf('people/*'), pageOf('contracts/*'), pageOf('vendors/*')];
    const { problems, found } = await survey(1280, history, 'table[data-table]', lastColumnsOutside, 1280);
    expect(problems).toEqual([]);
    expect(found).toBeGreaterThanOrEqual(10);
  }, 120_000);

  // Five pages, two papers, each laid out at the paper's content width and printed. Budget 180 s.
  test('representative pages print on A4 and Letter with every table\'s last column inside the page box, no navigation, headings kept with what follows', async () => {
    const problems: string[] = [];
    for (const [format, width] of Object.entries(PAPER)) {
      const page = await browser.newPage({ viewport: { width, height: 1000 } });
      await page.emulateMedia({ media: 'print' });
      for (const path of [pageOf('audit'), pageOf('licenses/*'), pageOf('people'), pageOf('contracts/*'), pageOf('renewals')]) {
        await open(page, path);
        const at = `${format} /${path}`;
        problems.push(...(await page.evaluate(lastColumnsOutside, width)).map((p) => `${at}: ${p}`));
        problems.push(...(await page.evaluate(printProblems)).map((p) => `${at}: ${p}`));
        const over = await page.evaluate(overflowPx);
        if (over > 0) problems.push(`${at}: ${over} px wider than the page`);
        const pdf = await page.pdf({ format: format as 'A4' | 'Letter' });
        expect(pdf.subarray(0, 5).toString('latin1'), at).toBe('%PDF-');
        // The paper in points: A4 210 mm (595.3 pt, Chromium writes 595.92), Letter 8.5 in (612 pt).
        const box = /MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
        expect(Number(box?.[1]), at).toBeCloseTo(format === 'A4' ? 595.3 : 612, -1);
      }
      await page.close();
    }
    expect(problems).toEqual([]);
  }, 180_000);

  // The labels are CSS custom properties of the table read per column (columns.css), not an attribute per cell;
  // so is a column of dates, which stays whole (overflow-wrap: normal) where other cells break anywhere.
  test('stacked rows name every cell by its column header: every table at 375 px, the wide ones in print, none of the others; dates stay whole', async () => {
    const named = (p: Page) => p.$$eval('table[data-table]', (tables) => tables.map((t) => {
      const heads = [...t.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
      const unquote = (c: string) => (c.startsWith('"') ? c.slice(1, -1).replace(/\\(.)/g, '$1') : c);
      const cells = [...(t.querySelector('tbody tr')?.children ?? [])];
      return { table: t.getAttribute('data-table'), wide: t.classList.contains('stack-print'), heads: heads.slice(0, cells.length), labels: cells.map((td) => unquote((globalThis as unknown as InPage).getComputedStyle(td, '::before').content)) };
    }));
    const phone = await browser.newPage({ viewport: { width: 375, height: 812 } });
    const printed = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await printed.emulateMedia({ media: 'print' });
    const wraps = (p: Page) => p.$$eval('table[data-table] td', (tds) => tds.map((td) => {
      const w = (globalThis as unknown as InPage).getComputedStyle(td, '').overflowWrap;
      return { date: /^\d{4}-\d{2}-\d{2}/.test(td.textContent ?? ''), num: td.classList.contains('num'), empty: (td.textContent ?? '') === '', whole: w === 'normal' };
    }));
    let tables = 0, wide = 0, dates = 0;
    for (const path of ['', 'licenses/*', 'people/*', 'contracts/*', 'position', 'departments', 'audit/commit/*', 'renewals'].map(pageOf)) {
      await open(phone, path);
      for (const t of await named(phone)) {
        tables++;
        expect(t.labels, `/${path} ${t.table}`).toEqual(t.heads);
      }
      const cells = await wraps(phone);
      dates += cells.filter((c) => c.date).length;
      expect(cells.filter((c) => c.date && !c.whole), `/${path}: dates that break anywhere`).toEqual([]);
      expect(cells.filter((c) => !c.date && !c.num && !c.empty && c.whole), `/${path}: text cells that do not break anywhere`).toEqual([]);
      await open(printed, path);
      for (const t of await named(printed)) {
        if (t.wide) wide++;
        expect(t.labels, `/${path} ${t.table} in print`).toEqual(t.wide ? t.heads : t.heads.map(() => 'none'));
      }
    }
    await phone.close();
    await printed.close();
    expect(tables).toBeGreaterThan(10);
    expect(wide).toBeGreaterThan(0);
    expect(dates).toBeGreaterThan(20);
  }, 180_000);

  test('the renewal timeline draws the contracts still to be decided, as its caption says, and no other', async () => {
    const page = await browser.newPage();
    await open(page, pageOf('renewals'));
    const drawn = await page.$$eval('figure.chart svg text[font-size="12"]', (ts) => ts.map((t) => t.textContent ?? '').sort());
    const rows = await page.$eval('table[data-table="renewals"]', (t) => {
      const col = (label: string) => [...t.querySelectorAll('thead th')].findIndex((th) => th.textContent === label);
      const [contract, decision] = [col('Contract'), col('Decision')];
      return [...t.querySelectorAll('tbody tr')].map((tr) => [tr.children[contract]?.textContent ?? '', tr.children[decision]?.textContent ?? '']);
    });
    const undecided = rows.filter(([, d]) => d === 'undecided').map(([c]) => c).sort();
    expect(await page.locator('main').textContent()).toContain(`still to be decided (${undecided.length} of the ${rows.length} with a cancel-by date ahead`);
    expect(drawn).toEqual(undecided);
    expect(rows.length).toBeGreaterThan(undecided.length);
    expect(undecided.length).toBeGreaterThan(0);
    await page.close();
  });

  test('axe finds no landmark-unique violation on any kind of page', async () => {
    const page = await axePage(browser);
    const problems: string[] = [];
    for (const path of [...kinds.values()].map((ps) => ps[0]!)) {
      await open(page, path);
      problems.push(...(await axeViolations(page, { runOnly: ['landmark-unique'] })).map((v) => `/${path}: ${v.id} at ${v.at}`));
    }
    await page.context().close();
    expect(problems).toEqual([]);
  }, 180_000);
});
