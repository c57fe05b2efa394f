// The report site in a real headless Chromium: built by `lac site build` for a fixture repository,
// under a sub-path, served on 127.0.0.1.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveStatic, type StaticServer } from '../../src/site/serve.ts';
import { lac } from '../support/cli.ts';
import { buildSiteFixture, TODAY, type SiteFixture } from '../site/fixture.ts';
import { requireTool } from '../support/tools.ts';
import { axePage, axeViolations, CHROMIUM, launch, parseCsv, serious } from './chromium.ts';

const BASE = '/lac-test/';

/** The page's globals used in evaluate() (the project's tsconfig has no DOM library). */
interface InPage {
  document: { getElementById(id: string): unknown };
}

/** One page of each kind (paths under the base). */
const KINDS = [
  '', 'licenses/', 'licenses/figma/', 'contracts/', 'contracts/slack-2026/', 'renewals/', 'vendors/', 'vendors/figma/',
  'people/', 'people/cy/', 'departments/', 'forecast/', 'spend/2026/', 'spend/2026/2026-07/', 'compliance/', 'audit/', 'audit/seat/1/', 'at/', 'at/2026-03-31/',
  'source/inventory/assignments/figma.yaml/', 'search/', 'downloads/', 'audit/months/', 'audit/2026/07/', 'source/',
];

let fixture: SiteFixture;
let out: string;
let server: StaticServer;
let browser: Browser;
let origin: string;

interface Visit {
  errors: string[];
  foreign: string[];
}

/** Opens a page and records console errors, page errors, failed loads and requests to any other host. */
async function open(page: Page, url: string): Promise<Visit> {
  const v: Visit = { errors: [], foreign: [] };
  page.removeAllListeners();
  page.on('console', (m) => { if (m.type() === 'error') v.errors.push(`${url}: console: ${m.text()}`); });
  page.on('pageerror', (e) => v.errors.push(`${url}: ${e.message}`));
  page.on('request', (r) => { if (!r.url().startsWith(`${origin}/`) && !r.url().startsWith('data:')) v.foreign.push(r.url()); });
  page.on('response', (r) => { if (r.status() >= 400) v.errors.push(`${url}: ${r.status()} ${r.url()}`); });
  const res = await page.goto(url, { waitUntil: 'load' });
  if (res?.status() !== 200) v.errors.push(`${url}: status ${res?.status()}`);
  return v;
}

/** A CSV download's text; it must start with the UTF-8 byte order mark (issue 15), which decoding drops. */
async function csvText(url: string): Promise<string> {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  expect([...bytes.subarray(0, 3)], url).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder().decode(bytes);
}

const chromium = requireTool({ name: 'chromium', path: CHROMIUM, install: 'apt-get install -y chromium' });

describe.runIf(chromium !== undefined)('report site in Chromium', () => {
  // Builds the site and starts chromium: 8.6 s CPU with vitest's start; 18 s at load 7.6 on 2 cores. Budget 120 s.
  beforeAll(async () => {
    fixture = buildSiteFixture();
    out = mkdtempSync(join(tmpdir(), 'lac-site-out-'));
    const r = await lac(['site', 'build', '--root', fixture.repo.dir, '--out', out, '--base', BASE, '--today', TODAY], { cwd: fixture.repo.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    server = await serveStatic(out, { base: BASE });
    origin = new URL(server.url).origin;
    browser = await launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fixture?.cleanup();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  // Idle about 5 s (5.2 s CPU); 12-33 s at load 8-10 on 2 cores. Budget 120 s.
  test('every page loads without a console error or a request to another host, and every internal link resolves', async () => {
    const page = await browser.newPage();
    const start = `${server.url}`;
    const queue = [start];
    const seen = new Set(queue);
    const fragments = new Map<string, Set<string>>();
    const errors: string[] = [];
    const foreign: string[] = [];
    let pages = 0;
    const files: string[] = [];
    while (queue.length) {
      const url = queue.shift()!;
      const v = await open(page, url);
      pages++;
      errors.push(...v.errors);
      foreign.push(...v.foreign);
      for (const frag of fragments.get(url) ?? []) {
        if (!(await page.evaluate((id) => (globalThis as unknown as InPage).document.getElementById(id) !== null, frag))) errors.push(`${url}#${frag}: no such anchor`);
      }
      const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as unknown as { href: string }).href));
      for (const href of hrefs) {
        const u = new URL(href);
        if (u.origin !== origin) continue;
        if (!u.pathname.startsWith(BASE)) { errors.push(`${url}: link outside the base path: ${href}`); continue; }
        const bare = `${u.origin}${u.pathname}`;
        if (u.hash && u.hash.length > 1) fragments.set(bare, (fragments.get(bare) ?? new Set()).add(decodeURIComponent(u.hash.slice(1))));
        if (seen.has(bare)) continue;
        seen.add(bare);
        if (u.pathname.endsWith('/')) queue.push(bare);
        else files.push(bare);
      }
    }
    for (const f of files) {
      const res = await fetch(f);
      if (res.status !== 200) errors.push(`${f}: status ${res.status}`);
    }
    await page.close();
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    expect(pages).toBeGreaterThan(40);
    for (const kind of KINDS) expect(seen.has(`${server.url}${kind}`), kind).toBe(true);
    // Issue 15: every page the build wrote is reached by following links from the root.
    const written = readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('index.html')).map((f) => `${server.url}${f.slice(0, -'index.html'.length)}`);
    expect(written.filter((u) => !seen.has(u))).toEqual([]);
    expect(files.some((f) => f.endsWith('/download/renewals.ics'))).toBe(true);
    // The footer's "All data" link: gzip-compressed JSON of the whole model, as a download (no Content-Encoding).
    const data = files.find((f) => f.endsWith('/download/data.json.gz'));
    expect(data).toBeDefined();
    const res = await fetch(data!);
    expect([res.headers.get('content-type'), res.headers.get('content-encoding')]).toEqual(['application/gzip', null]);
    const whole = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')) as { seats: unknown[]; events: unknown[]; provenance: { commit: string } };
    expect(whole.seats.length).toBeGreaterThan(0);
    expect(whole.events.length).toBeGreaterThan(0);
    expect(whole.provenance.commit).toMatch(/^[0-9a-f]{40}$/);
  }, 120_000);

  test('a seat\'s line link opens the file\'s source view at that line: highlighted, its text as in the file, indentation kept; a click on a line links to it', async () => {
    const page = await browser.newPage();
    const lines = readFileSync(join(fixture.repo.dir, 'inventory/assignments/figma.yaml'), 'utf8').split('\n');
    if (lines.at(-1) === '') lines.pop();
    const n = lines.findIndex((l) => l.startsWith('  - ')) + 1;
    expect(n).toBeGreaterThan(0);
    await open(page, `${server.url}source/inventory/assignments/figma.yaml/#L${n}`);
    const view = await page.$eval('ol.source', (ol, at) => {
      const w = globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> };
      const items = [...ol.children] as unknown as { id: string; textContent: string }[];
      const line = items[at - 1]!;
      return { count: items.length, ids: items.every((li, i) => li.id === `L${i + 1}`), id: line.id, text: line.textContent, background: w.getComputedStyle(line).backgroundColor, space: w.getComputedStyle(line).whiteSpace };
    }, n);
    expect(view).toEqual({ count: lines.length, ids: true, id: `L${n}`, text: lines[n - 1], background: 'rgb(255, 243, 196)', space: 'pre-wrap' });
    // The list numbers the lines: the item's number is its line.
    expect(await page.$eval(`li#L${n}`, (li) => (li.parentElement as unknown as { start: number }).start)).toBe(1);
    await page.click('li#L2');
    expect(new URL(page.url()).hash).toBe('#L2');
    expect(await page.$eval('li#L2', (li) => (globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }).getComputedStyle(li).backgroundColor)).toBe('rgb(255, 243, 196)');
    await page.close();
  });

  // Mostly waiting on axe in the page (2.2 s CPU here); 32-44 s at load 8-10 on 2 cores. Budget 120 s.
  test('axe-core finds no serious or critical violation on any kind of page', async () => {
    const page = await axePage(browser);
    const problems: string[] = [];
    await page.goto(`${server.url}audit/`);
    const commit = new URL(await page.$eval('a[href*="/audit/commit/"]', (a) => (a as unknown as { href: string }).href)).pathname.slice(BASE.length);
    for (const kind of [...KINDS, commit]) {
      await page.goto(`${server.url}${kind}`);
      problems.push(...serious(await axeViolations(page, {})).map((v) => `${kind || '/'}: ${v}`));
    }
    await page.context().close();
    expect(problems).toEqual([]);
  }, 120_000);

  test('search finds a license by name, from the search box in the header', async () => {
    const page = await browser.newPage();
    const v = await open(page, server.url);
    await page.fill('#quick-q', 'figma organization');
    await page.press('#quick-q', 'Enter');
    await page.waitForSelector('#search-results[data-query="figma organization"]', { state: 'attached' });
    const hits = await page.$$eval('#search-results a', (as) => as.map((a) => [a.textContent, (a as unknown as { pathname: string }).pathname]));
    expect(hits[0]).toEqual(['Figma Organization', `${BASE}licenses/figma/`]);
    expect(await page.textContent('#search-status')).toMatch(/^\d+ pages found for “figma organization”$/);
    expect(v.errors).toEqual([]);
    await page.close();
  });

  // The CSV is typed (issue 15; tests/site/downloads.test.ts checks each kind): text cells are the page's, formulas neutralised;
  // dates the page's ISO day; numbers, percents and flags as numbers and true/false.
  test('each CSV download of a page holds the rows of its table: text as shown, dates and numbers typed, formulas neutralised', async () => {
    const page = await browser.newPage();
    let checked = 0;
    for (const kind of ['licenses/figma/', 'people/', 'departments/', 'forecast/', 'audit/']) {
      await page.goto(`${server.url}${kind}`);
      const tables = await page.$$eval('table[data-table]', (ts) => ts.map((t) => ({
        id: t.getAttribute('data-table')!,
        rows: [...t.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c as unknown as { innerText: string }).innerText.trim())),
        csv: (t.closest('section')!.querySelector('a.csv') as unknown as { href: string }).href,
        // "CSV (all)": the table shows some rows of a shared file (a license's seats of seats.csv).
        view: (t.closest('section')!.querySelector('a.csv') as unknown as { textContent: string }).textContent.startsWith('CSV (all)'),
      })));
      for (const t of tables) {
        const [header = [], ...rows] = parseCsv(await csvText(t.csv));
        const [labels = [], ...cells] = t.rows;
        const columns = labels.map((label) => (header.includes(label) ? header.indexOf(label) : header.indexOf(`${label}_start`)));
        for (const [i, j] of columns.entries()) expect(j, `${t.id} ${labels[i]}`).toBeGreaterThanOrEqual(0);
        const same = (shown: string, csv: string) => /^\d{4}-\d{2}-\d{2}/.test(shown) ? csv === shown.slice(0, 10)
          : shown === 'yes' || shown === 'no' ? csv === String(shown === 'yes')
          // A seat's line: the page shows its number in the license's file, the CSV the file and the line.
          : /^\d+$/.test(shown) && /^inventory\/.+:\d+$/.test(csv) ? csv.endsWith(`:${shown}`)
          : /^-?\d+(\.\d+)?$/.test(csv) || (csv === '' && /^(|—|\?|none|unlimited|.*unknown.*)$/.test(shown)) ? /\d|^(|—|\?|none|unlimited|.*unknown.*)$/.test(shown)
          : csv === (/^[=+\-@\t\r]/.test(shown) ? `'${shown}` : shown);
        const matches = (row: string[], line: string[]) => columns.every((j, i) => same(row[i]!, line[j]!));
        if (t.view) {
          // Each shown row is a row of the shared file, in the file's order.
          expect(rows.length, t.id).toBeGreaterThanOrEqual(cells.length);
          let at = 0;
          for (const row of cells) {
            while (at < rows.length && !matches(row, rows[at]!)) at++;
            expect(at, `${t.id}: ${JSON.stringify(row)} is not in ${t.csv} (after the previous row)`).toBeLessThan(rows.length);
            at++;
          }
          checked++;
          continue;
        }
        expect(rows.length, t.id).toBe(cells.length);
        for (const [i, label] of labels.entries()) {
          for (const [r, row] of cells.entries()) {
            expect(same(row[i]!, rows[r]![columns[i]!]!), `${t.id} ${label}: ${JSON.stringify(row[i])} → ${JSON.stringify(rows[r]![columns[i]!])}`).toBe(true);
          }
        }
        checked++;
      }
    }
    const tiers = parseCsv(await csvText(`${server.url}download/csv/license-figma-tiers.csv`));
    expect(tiers.map((r) => r[1])).toContain("'+Plus seat");
    expect(checked).toBeGreaterThan(8);
    await page.close();
  });

  test('the Forecast page: charts with their figures as tables, the method, and forecast.csv as `lac forecast --format csv` writes it', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${server.url}forecast/`);
    expect(await page.locator('figure.chart svg[role="img"]').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('table[data-table="forecast-spend"] tbody tr').count()).toBe(12);
    expect(await page.locator('main').textContent()).toContain('ordinary least-squares straight line');
    const csv = await csvText(`${server.url}download/forecast.csv`);
    const cli = await lac(['forecast', '--root', fixture.repo.dir, '--today', TODAY, '--backtest', '--format', 'csv']);
    expect(csv).toBe(cli.stdout);
    await ctx.close();
  });

  // Issue 15: the audit trail's date filter: month pages without JavaScript, a month picker with it.
  test('the audit trail by month: the picker opens a month\'s page; without JavaScript it is hidden and the month links work', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}audit/`);
    await page.fill('#month-jump', '2026-05');
    await page.click('form.month-jump button');
    await page.waitForURL(`${server.url}audit/2026/05/`);
    expect(await page.locator('table[data-table="audit-2026-05-1"] tbody tr').count()).toBeGreaterThan(0);
    await page.goto(`${server.url}audit/months/`);
    await page.fill('#month-jump', '2026-03');
    await page.click('form.month-jump button');
    expect(await page.textContent('.month-jump-status')).toBe('No changes were committed in 2026-03.');
    await page.close();
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const plain = await ctx.newPage();
    await plain.goto(`${server.url}audit/months/`);
    expect(await plain.locator('form.month-jump').isHidden()).toBe(true);
    await plain.click(`a[href="${BASE}audit/2026/07/"]`);
    expect(new URL(plain.url()).pathname).toBe(`${BASE}audit/2026/07/`);
    await ctx.close();
  });

  test('pages are readable without JavaScript (charts are SVG), and print without navigation', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${server.url}licenses/figma/`);
    expect(await page.locator('figure.chart svg[role="img"]').count()).toBe(1);
    expect(await page.locator('table[data-table="license-figma-seats"] tbody tr').count()).toBe(2);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.site nav').isVisible()).toBe(false);
    expect(await page.locator('footer.provenance').textContent()).toMatch(/Built from commit [0-9a-f]{12} of .* built .* by lac \d/s);
    await ctx.close();
  });
});
