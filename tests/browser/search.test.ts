// Full-text search (issue 15) in a real headless Chromium: the demo repository's site, built once by
// `lac site build` under a sub-path with its Pagefind index, served on 127.0.0.1; an auditor's queries
// (a PO number, a pull request, a short commit hash, an email, a finding's rule, a contract note).
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BUNDLES_FILE, indexWhile } from '../../src/site/search-index.ts';
import { serveStatic, type StaticServer } from '../../src/site/serve.ts';
import { REPO_ROOT } from '../support/cli.ts';
import { DEMO_BASE, demoSite } from '../support/demo-site.ts';
import { requireTool } from '../support/tools.ts';
import { CHROMIUM, launch } from './chromium.ts';

const BASE = DEMO_BASE;

let root: string;
let out: string;
let server: StaticServer;
let browser: Browser;
/** What `lac site build` printed. */
let built: string;
/** Every URL the browser requested during the file's tests. */
const requested: string[] = [];

/** A change event of the site's data (data.json), as far as these tests read it; its commit's pull request is under `commits`. */
interface EventJson { commit: string; contract?: string }

/** Runs a query from the search page's form; returns the results as [path, kind] and the status line. */
async function search(page: Page, q: string, kind = ''): Promise<{ hits: [string, string][]; status: string }> {
  await page.goto(`${server.url}search/`);
  await page.fill('#q', q);
  if (kind) await page.selectOption('#kind', kind);
  await page.click('#search-form button[type="submit"]');
  await page.waitForSelector(`#search-results[data-query="${q}"]`, { state: 'attached' });
  const hits = await page.$$eval('#search-results > li', (lis) => lis.map((li) => [
    (li.querySelector('a') as unknown as { pathname: string }).pathname,
    /\(([^)]+)\)/.exec((li as unknown as { innerText: string }).innerText)?.[1] ?? '',
  ] as [string, string]));
  return { hits, status: (await page.textContent('#search-status')) ?? '' };
}

/** The pages a bundle of the site's index holds (Pagefind's entry file). */
const pageCount = (bundle: string) => (JSON.parse(readFileSync(join(out, bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> }).languages.en!.page_count;

const chromium = requireTool({ name: 'chromium', path: CHROMIUM, install: 'apt-get install -y chromium' });

// A query loads the search page, Pagefind's code and the index parts it needs: about 2 s idle, but past the default
// 30 s in a full run on a busy 2-core machine (two queries in one test). Each test has 90 s (the two longer ones say
// their own).
describe.runIf(chromium !== undefined)('full-text search on the demo site, under a sub-path', { timeout: 90_000 }, () => {
  let page: Page;
  let events: EventJson[];
  let prOf: (commit: string) => number | null;

  // The demo's site, shared by the run (about 20 s to build and index idle, 70 s at load 6 on 2 cores), copied here. Budget 240 s.
  beforeAll(async () => {
    // A copy of the run's shared demo site: the bundles test below replaces its index.
    const demo = await demoSite();
    root = mkdtempSync(join(tmpdir(), 'lac-search-'));
    out = join(root, 'site');
    cpSync(demo.out, out, { recursive: true });
    built = demo.stdout;
    const data = JSON.parse(gunzipSync(readFileSync(join(out, 'download', 'data.json.gz'))).toString('utf8')) as { events: EventJson[]; commits: Record<string, { pr: number | null }> };
    events = data.events;
    prOf = (commit) => data.commits[commit]!.pr;
    server = await serveStatic(out, { base: BASE });
    browser = await launch();
    page = await browser.newPage();
    page.on('request', (req) => void requested.push(req.url()));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  test('a PO number and a vendor order number find the contract page first', async () => {
    const contract = parse(readFileSync(join(REPO_ROOT, 'inventory', 'contracts', 'figma-2026.yaml'), 'utf8')) as { po_number: string; order_number: string };
    for (const q of [contract.po_number, contract.order_number]) {
      const { hits } = await search(page, q);
      expect(hits[0], q).toEqual([`${BASE}contracts/figma-2026/`, 'contract']);
    }
  });

  test('a pull request number and a short commit hash find the commit page first', async () => {
    const decided = events.filter((e) => e.contract === 'miro-2025' && prOf(e.commit) !== null).at(-1)!;
    const commitPage = [`${BASE}audit/commit/${decided.commit}/`, 'commit'];
    expect((await search(page, `#${prOf(decided.commit)}`)).hits[0]).toEqual(commitPage);
    expect((await search(page, decided.commit.slice(0, 7))).hits[0]).toEqual(commitPage);
  });

  test('an email finds the person, a finding\'s rule id the compliance page, a contract\'s note its contract', async () => {
    expect((await search(page, 'sofia.marques@northwind.example')).hits[0]).toEqual([`${BASE}people/sofia.marques/`, 'person']);
    // Excerpts are Pagefind's text with <mark> around the words found; no other markup reaches the page.
    expect(await page.$$eval('#search-results p *', (els) => [...new Set(els.map((e) => e.tagName))])).toEqual(['MARK']);
    expect((await search(page, 'seat-held-by-leaver')).hits[0]).toEqual([`${BASE}compliance/`, 'findings']);
    expect((await search(page, 'whiteboarding')).hits.map(([p]) => p)).toContain(`${BASE}contracts/miro-2025/`);
  });

  test('the kind filter keeps only pages of that kind; a word on no page finds nothing', async () => {
    const people = await search(page, 'marques', 'person');
    expect(people.hits.length).toBeGreaterThan(0);
    expect(new Set(people.hits.map(([, k]) => k))).toEqual(new Set(['person']));
    const none = await search(page, 'zyzzyvaquux');
    expect(none).toEqual({ hits: [], status: 'Nothing found for “zyzzyvaquux”' });
  });

  test('the header\'s search box leads to the results; without JavaScript the page says where to browse', async () => {
    await page.goto(`${server.url}licenses/`);
    await page.fill('#quick-q', 'FIG-Q-131977');
    await page.press('#quick-q', 'Enter');
    await page.waitForSelector('#search-results[data-query="FIG-Q-131977"]', { state: 'attached' });
    expect(new URL(page.url()).pathname).toBe(`${BASE}search/`);
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await ctx.newPage();
    await noJs.goto(`${server.url}search/?q=x`);
    expect(await noJs.textContent('section.search')).toContain('Search needs JavaScript. Without it, browse licenses, contracts, people');
    expect(await noJs.locator(`section.search a[href="${BASE}audit/"]`).count()).toBe(1);
    await ctx.close();
  });

  test('the build counts the pages Astro rendered and indexes all but the search page while it renders', () => {
    const html = readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.html'));
    const [, pages, indexed] = /built (\d+) pages .* search index of (\d+) pages/.exec(built) ?? [];
    expect([Number(pages), Number(indexed)]).toEqual([html.length, html.length - 1]);
    expect(pageCount('pagefind')).toBe(html.length - 1);
  });

  // Runs last (vitest keeps the file's order): the requests of every query above.
  test('every request stayed on the site\'s own host and base path; Pagefind came from <base>pagefind/', () => {
    const origin = new URL(server.url).origin;
    expect(requested.length).toBeGreaterThan(10);
    expect(requested.filter((u) => !u.startsWith(`${origin}${BASE}`))).toEqual([]);
    expect(requested).toContain(`${origin}${BASE}pagefind/pagefind.js`);
    expect(requested.some((u) => u.startsWith(`${origin}${BASE}pagefind/fragment/`))).toBe(true);
  });

  // Pagefind holds about 60 KB a page: a large site's pages go to further bundles that the search page merges.
  test('indexed in bundles of 50 pages, the search page merges them: people, kinds and other pages are found as before', async () => {
    for (const d of readdirSync(out)) if (/^pagefind(-\d+)?$/.test(d)) rmSync(join(out, d), { recursive: true });
    // The built pages, handed to the indexer under their routes as the site's middleware hands them while Astro renders.
    const html = readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.html'));
    const r = await indexWhile(out, async (add) => {
      for (const f of html) await add(`/${f.replace(/index\.html$/, '')}`, readFileSync(join(out, f), 'utf8'));
    }, { batch: 50 });
    const bundles = JSON.parse(readFileSync(join(out, 'pagefind', BUNDLES_FILE), 'utf8')) as string[];
    expect(r.bundles).toEqual(['pagefind', ...bundles]);
    expect(bundles).toEqual(Array.from({ length: bundles.length }, (_, i) => `pagefind-${i + 2}`));
    // Every page but the search page once, 50 to a bundle: the bundles' page counts add up to them.
    const counts = r.bundles.map(pageCount);
    const indexed = html.length - 1;
    expect(counts.length).toBeGreaterThan(10);
    expect(counts).toEqual(Array.from({ length: Math.ceil(indexed / 50) }, (_, i) => Math.min(50, indexed - 50 * i)));
    expect(r).toMatchObject({ pages: html.length, indexed });
    const last = readdirSync(join(out, 'people')).filter((d) => d !== 'list' && d !== 'index.html').sort().at(-1)!;
    const found = await search(page, last.replace(/\d+$/, ''), 'person');
    expect(found.hits.map(([p]) => p)).toContain(`${BASE}people/${last}/`);
    expect(new Set(found.hits.map(([, k]) => k))).toEqual(new Set(['person']));
    // Each bundle ranks its own pages: the person is found, though not always first.
    expect((await search(page, 'sofia.marques@northwind.example')).hits).toContainEqual([`${BASE}people/sofia.marques/`, 'person']);
    expect((await search(page, 'whiteboarding')).hits.map(([p]) => p)).toContain(`${BASE}contracts/miro-2025/`);
    expect(await page.$$eval('#kind option', (os) => os.map((o) => (o as unknown as { value: string }).value))).toContain('person');
    // 14 bundles written one after another.
  }, 180_000);
});
