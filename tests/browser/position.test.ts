// A vendor's license position page (issue 17) in headless Chromium: the figures of
// `lac position --vendor` are visible, and the page prints to an A4 PDF without horizontal overflow.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveStatic, type StaticServer } from '../../src/site/serve.ts';
import { lac } from '../support/cli.ts';
import { tempRepo, type TestRepo } from '../support/git.ts';
import { files } from '../support/inventory.ts';
import { requireTool } from '../support/tools.ts';
import { CHROMIUM, launch } from './chromium.ts';

const TODAY = '2026-03-10';
const CAD = 'id: cad\nname: CAD Suite\nvendor: cadco\ntype: concurrent\ntiers:\n  - { id: pro, name: Professional }\n  - { id: sim, name: Simulation }\n';
const CONTRACT = `id: cad-2026\nvendor: cadco\ncurrency: EUR\nstart: 2026-01-01\nend: 2026-12-31\npo_number: PO-77\ndocuments:\n  - { title: Order form, url: "https://contracts.example/cad-2026.pdf" }\nlines:\n  - { license: cad, tier: pro, quantity: 5, unit_price: "1000.00" }\n  - { license: cad, tier: sim, quantity: 2, unit_price: "3000.00" }\n`;
const USAGE = 'license: cad\nsource: flexnet\ntaken: 2026-03-09T06:00:00Z\npeaks:\n  - { date: 2026-03-02, tier: pro, in_use: 4 }\n  - { date: 2026-03-02, tier: sim, in_use: 3, denials: 2 }\naccounts: []\n';

/** The page's globals used in evaluate() (the project's tsconfig has no DOM library). */
interface InPage { document: { documentElement: { scrollWidth: number; clientWidth: number } } }

const chromium = requireTool({ name: 'chromium', path: CHROMIUM, install: 'apt-get install -y chromium' });

let repo: TestRepo;
let out: string;
let server: StaticServer;
let browser: Browser;

describe.runIf(chromium !== undefined)('a vendor position page in Chromium', () => {
  // Builds a two-vendor site and starts chromium. Budget 120 s (a shared 2-core machine).
  beforeAll(async () => {
    repo = tempRepo();
    repo.commit({ ...files(), 'inventory/vendors/cadco.yaml': 'id: cadco\nname: CADco\n', 'inventory/licenses/cad.yaml': CAD, 'inventory/contracts/cad-2026.yaml': CONTRACT, 'inventory/usage/cad.yaml': USAGE }, { message: 'CAD suite', date: '2026-03-09T09:00:00Z' });
    out = mkdtempSync(join(tmpdir(), 'lac-position-out-'));
    const r = await lac(['site', 'build', '--root', repo.dir, '--out', out, '--today', TODAY], { cwd: repo.dir });
    expect(r.stderr).toBe('');
    server = await serveStatic(out, { base: '/' });
    browser = await launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    repo?.cleanup();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  test('shows the figures of lac position and prints to PDF', async () => {
    const json = JSON.parse((await lac(['position', '--root', repo.dir, '--today', TODAY, '--vendor', 'cadco', '--format', 'json'])).stdout) as { lines: { tierName: string; entitled: number; peak: { inUse: number } | null; balance: number; trueUp: string }[] };
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 } }); // A4 at 96 dpi
    // From the index to the vendor's section by its anchor.
    await page.goto(`${server.url}position/`);
    await page.click('table[data-table="position"] a:text("CADco")');
    expect(new URL(page.url()).hash).toBe('#t-vendor-cadco-position');
    const rows = await page.$$eval('table[data-table="vendor-cadco-position"] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as unknown as { innerText: string }).innerText.trim())));
    expect(rows.map((r) => [r[1], r[3], r[6], r[8], r[10]])).toEqual(json.lines.map((l) => [l.tierName, String(l.entitled), `${l.peak!.inUse} (2026-03-02)`, String(l.balance), l.trueUp]));
    expect(rows[1]!.slice(8)).toEqual(['-1', '3000.00', '3000.00']);
    expect(await page.locator('table[data-table="vendor-cadco-position"]').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    const overflow = await page.evaluate(() => { const d = (globalThis as unknown as InPage).document.documentElement; return d.scrollWidth - d.clientWidth; });
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page.locator('footer.provenance').textContent()).toContain(`figures as of ${TODAY}`);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.close();
  }, 60_000);
});
