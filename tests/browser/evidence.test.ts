// An evidence pack's control document (issue 15) in headless Chromium: the rows of `lac evidence`
// are visible with their commit links, and the page prints to an A4 PDF with no column cut off.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveStatic, type StaticServer } from '../../src/site/serve.ts';
import { lac } from '../support/cli.ts';
import { requireTool } from '../support/tools.ts';
import { buildEvidenceRepo, TODAY, type EvidenceRepo } from '../evidence/fixture.ts';
import { axePage, axeViolations, CHROMIUM, launch, parseCsv, serious } from './chromium.ts';

/** The page's globals used in evaluate() (the project's tsconfig has no DOM library). */
interface Box { right: number }
interface InPage { document: { documentElement: { scrollWidth: number; clientWidth: number }; querySelectorAll(s: string): ArrayLike<{ getBoundingClientRect(): Box }> } }


const chromium = requireTool({ name: 'chromium', path: CHROMIUM, install: 'apt-get install -y chromium' });

let r: EvidenceRepo;
let out: string;
let server: StaticServer;
let browser: Browser;

describe.runIf(chromium !== undefined)('an evidence document in Chromium', () => {
  // Builds the site once and starts chromium. Budget 180 s (a shared 2-core machine).
  beforeAll(async () => {
    r = buildEvidenceRepo();
    out = mkdtempSync(join(tmpdir(), 'lac-evidence-out-'));
    const built = await lac(['site', 'build', '--root', r.repo.dir, '--out', out, '--today', TODAY], { cwd: r.repo.dir });
    expect(built.stderr).toBe('');
    server = await serveStatic(out, { base: '/' });
    browser = await launch();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    r?.repo.cleanup();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  test('from the compliance page to a control\'s document: the rows of lac evidence --format csv, linked to their commits; it prints on A4 with every column inside the page', async () => {
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 } }); // A4 at 96 dpi
    await page.goto(`${server.url}compliance/`);
    await page.click('a:text("Per fiscal year and quarter")');
    await page.click('table[data-table="evidence-periods"] a[href$="/evidence/2026-Q1/access-removal/"]');
    expect(new URL(page.url()).pathname).toBe('/evidence/2026-Q1/access-removal/');
    const csv = parseCsv((await lac(['evidence', '2026-Q1', '--control', 'access-removal', '--format', 'csv', '--root', r.repo.dir, '--today', TODAY])).stdout);
    const rows = await page.$$eval('table[data-table="evidence-2026-Q1-access-removal"] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as unknown as { innerText: string }).innerText.trim())));
    // The CSV has an _id (and _email) column beside each name; the page shows the names.
    const shown = csv[0]!.map((h, i) => (/_(id|email)$/.test(h) ? -1 : i)).filter((i) => i >= 0);
    expect(rows).toEqual(csv.slice(1).map((r) => shown.map((i) => r[i])));
    expect(await page.getAttribute(`table[data-table="evidence-2026-Q1-access-removal"] a:text("${r.shas.bob}")`, 'href')).toBe(`/audit/commit/${r.shas.bob}/`);
    await page.emulateMedia({ media: 'print' });
    const fit = await page.evaluate(() => {
      const d = (globalThis as unknown as InPage).document;
      return { overflow: d.documentElement.scrollWidth - d.documentElement.clientWidth, right: Math.max(...Array.from(d.querySelectorAll('table th:last-child, table td:last-child')).map((c) => c.getBoundingClientRect().right)), width: d.documentElement.clientWidth };
    });
    expect(fit.overflow).toBeLessThanOrEqual(0);
    expect(fit.right).toBeLessThanOrEqual(fit.width);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.close();
  }, 60_000);

  test('axe-core finds no serious or critical violation on the index, a whole pack and a control\'s document', async () => {
    const page = await axePage(browser);
    const problems: string[] = [];
    for (const route of ['evidence/', 'evidence/2026-Q2/', 'evidence/2026-Q2/renewal-decisions/']) {
      await page.goto(`${server.url}${route}`);
      problems.push(...serious(await axeViolations(page, {})).map((v) => `${route}: ${v}`));
    }
    await page.context().close();
    expect(problems).toEqual([]);
  }, 60_000);
});
