// Layout measurements run inside the page (page.evaluate serializes each function, so each is self-contained).
// The project's tsconfig has no DOM library: the few DOM members used are typed here.

interface Rect { left: number; right: number; width: number; height: number }
interface El {
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): Rect;
  getClientRects(): { length: number };
  querySelectorAll(s: string): El[];
  closest(s: string): El | null;
  scrollWidth: number;
  clientWidth: number;
  getScreenCTM?(): { a: number } | null;
}
interface Win {
  document: { documentElement: El; querySelectorAll(s: string): El[]; querySelector(s: string): El | null };
  getComputedStyle(e: El): Record<string, string>;
}

/** Where each table's last column lies outside `limit` (or the table's scroll box), or is not shown: one line per problem. */
export function lastColumnsOutside(limit: number): string[] {
  const w = globalThis as unknown as Win;
  const out: string[] = [];
  for (const table of w.document.querySelectorAll('main table')) {
    const name = table.getAttribute('data-table') ?? table.getAttribute('class') ?? 'table';
    const box = table.closest('.scroll');
    const right = Math.min(limit, box ? box.getBoundingClientRect().right : limit);
    if (box && box.scrollWidth > box.clientWidth + 1) out.push(`${name}: scrolls (${box.scrollWidth} px in ${box.clientWidth} px)`);
    const rows = table.querySelectorAll('tbody tr');
    for (const [i, tr] of rows.entries()) {
      const cells = tr.querySelectorAll('td, th');
      const last = cells[cells.length - 1];
      if (!last) continue;
      const r = last.getBoundingClientRect();
      if (last.getClientRects().length === 0 || r.width === 0) out.push(`${name}: row ${i + 1}: last column not shown`);
      else if (r.right > right + 1) out.push(`${name}: row ${i + 1}: last column ends at ${Math.round(r.right)} px, past ${Math.round(right)} px`);
      if (out.length > 20) return out;
    }
  }
  return out;
}

/** What print would show that it should not: navigation, forms, screen-only captions; and headings or figures that may break from what follows. */
export function printProblems(): string[] {
  const w = globalThis as unknown as Win;
  const out: string[] = [];
  for (const e of w.document.querySelectorAll('nav, form, .screen-only, figcaption a.csv, a.csv')) {
    if (e.getClientRects().length > 0) out.push(`visible in print: <${e.tagName.toLowerCase()} class="${e.getAttribute('class') ?? ''}"> ${(e.textContent ?? '').trim().slice(0, 40)}`);
  }
  for (const h of w.document.querySelectorAll('main h1, main h2, main h3')) {
    if (w.getComputedStyle(h).breakAfter !== 'avoid') out.push(`heading without break-after: avoid: ${(h.textContent ?? '').trim()}`);
  }
  for (const f of w.document.querySelectorAll('main figure')) {
    if (w.getComputedStyle(f).breakInside !== 'avoid') out.push('figure without break-inside: avoid');
  }
  return out;
}

/**
 * Chart text rendered under `min` px (font size times the SVG's scale), unless the chart is hidden; and charts whose
 * figures table is not on the page. `found`: the charts on the page.
 */
export function chartProblems(min: number): { problems: string[]; found: number } {
  const w = globalThis as unknown as Win;
  const out: string[] = [];
  const charts = w.document.querySelectorAll('figure.chart');
  for (const fig of charts) {
    const table = fig.getAttribute('data-figures');
    if (!table || !w.document.querySelector(`table[data-table="${table}"]`)) out.push(`chart without its figures table on the page: ${table ?? '(none named)'}`);
    const svg = fig.querySelectorAll('svg')[0];
    if (!svg || svg.getClientRects().length === 0) continue;
    for (const t of svg.querySelectorAll('text')) {
      const px = parseFloat(w.getComputedStyle(t).fontSize ?? '0') * (t.getScreenCTM?.()?.a ?? 0);
      if (px < min) { out.push(`chart text "${(t.textContent ?? '').slice(0, 30)}" at ${px.toFixed(1)} px`); break; }
    }
  }
  return { problems: out, found: charts.length };
}

/** The document's width beyond the screen's, in px (0 when it fits). */
export function overflowPx(): number {
  const d = (globalThis as unknown as Win).document.documentElement;
  return d.scrollWidth - d.clientWidth;
}
