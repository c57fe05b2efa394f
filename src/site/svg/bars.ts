import { esc, r, svgOpen } from './escape.ts';

export interface Bar {
  label: string;
  value: number;
  /** Shown after the bar, e.g. "12,400 EUR" or "18 / 20". */
  text: string;
  /** A second, lighter bar behind (e.g. seats bought behind seats assigned). */
  behind?: number;
}

/** A horizontal bar chart, rendered at build time (readable without JavaScript). */
export function barChart(label: string, bars: Bar[]): string {
  const rowH = 22;
  const labelW = 200;
  const textW = 130;
  const w = 720;
  const h = Math.max(1, bars.length) * rowH + 8;
  const max = Math.max(1e-9, ...bars.map((b) => Math.max(b.value, b.behind ?? 0)));
  const span = w - labelW - textW;
  const rows = bars.map((b, i) => {
    const y = 4 + i * rowH;
    const behind = b.behind !== undefined ? `<rect x="${labelW}" y="${r(y + 3)}" width="${r((b.behind / max) * span)}" height="${rowH - 6}" fill="#c9d7ea"/>` : '';
    return `<g><text x="${labelW - 6}" y="${r(y + rowH / 2 + 4)}" text-anchor="end" font-size="12">${esc(clip(b.label, 26))}</text>${behind}<rect x="${labelW}" y="${r(y + 3)}" width="${r((Math.max(0, b.value) / max) * span)}" height="${rowH - 6}" fill="#1f5fa8"/><text x="${r(labelW + Math.max(b.value, b.behind ?? 0) / max * span + 6)}" y="${r(y + rowH / 2 + 4)}" font-size="12">${esc(b.text)}</text></g>`;
  });
  return `${svgOpen(w, h, label)}<title>${esc(label)}</title>${rows.join('')}</svg>`;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
