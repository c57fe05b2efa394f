// Headless Chromium from Debian's package, driven by playwright-core; never a downloaded browser.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * A page for accessibility checks, in its own browser context that loads axe-core into every page
 * before the page's scripts run (an init script): about 0.1 s a page, where adding it as a script
 * tag after each load took 0.35 s. The other tests' pages never have axe in them. Close it with
 * `page.context().close()`.
 */
export async function axePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  await context.addInitScript({ content: AXE });
  return context.newPage();
}

/** The open page's axe-core violations under `options` (axe.run's), each as `id (impact) at` up to three targets. */
export function axeViolations(page: Page, options: object): Promise<{ id: string; impact: string; at: string }[]> {
  return page.evaluate(async (o) => {
    type Result = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
    const w = globalThis as unknown as { document: unknown; axe: { run(context: unknown, o: object): Promise<Result> } };
    const r = await w.axe.run(w.document, { ...o, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, at: v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ') }));
  }, options);
}

/** axe's serious and critical violations, the ones the site must not have, as `id (impact) at targets`. */
export const serious = (found: { id: string; impact: string; at: string }[]): string[] =>
  found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) at ${v.at}`);

/** Parses CSV text (RFC 4180: quoted cells, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length) row.push(cell), rows.push(row);
  return rows;
}
