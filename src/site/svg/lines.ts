import { dayNumber } from '../../util/dates.ts';
import { esc, r, SERIES, svgOpen } from './escape.ts';

export interface Series {
  name: string;
  points: { date: string; value: number }[];
}

/** A line chart over dates with a legend; series are told apart by colour and dash pattern. */
export function lineChart(label: string, series: Series[], unit = ''): string {
  const [w, h, left, right, top, bottom] = [720, 260, 64, 40, 16, 56];
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return `${svgOpen(w, 40, label)}<title>${esc(label)}</title><text x="8" y="24" font-size="13">No data yet.</text></svg>`;
  const xs = all.map((p) => dayNumber(p.date));
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const yMax = niceMax(Math.max(...all.map((p) => p.value)));
  const X = (d: string) => left + (x1 === x0 ? 0.5 : (dayNumber(d) - x0) / (x1 - x0)) * (w - left - right);
  const Y = (v: number) => top + (1 - v / yMax) * (h - top - bottom);
  const grid = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const v = yMax * f;
    return `<line x1="${left}" x2="${w - right}" y1="${r(Y(v))}" y2="${r(Y(v))}" stroke="#d0d0d0"/><text x="${left - 6}" y="${r(Y(v) + 4)}" text-anchor="end" font-size="11">${esc(short(v))}${esc(unit)}</text>`;
  });
  const dates = [...new Set(all.map((p) => p.date))].sort();
  const step = Math.max(1, Math.ceil(dates.length / 6));
  const ticks = dates.filter((_, i) => i % step === 0 || i === dates.length - 1)
    .map((d) => `<text x="${r(X(d))}" y="${h - bottom + 16}" text-anchor="middle" font-size="11">${d}</text>`);
  const paths = series.map((s, i) => {
    const st = SERIES[i % SERIES.length]!;
    const pts = [...s.points].sort((a, b) => (a.date < b.date ? -1 : 1));
    const d = pts.map((p, j) => `${j ? 'L' : 'M'}${r(X(p.date))} ${r(Y(p.value))}`).join(' ');
    const dots = pts.map((p) => `<circle cx="${r(X(p.date))}" cy="${r(Y(p.value))}" r="2.5" fill="${st.color}"/>`).join('');
    return `<path d="${d}" fill="none" stroke="${st.color}" stroke-width="2"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''}/>${dots}`;
  });
  const legend = series.map((s, i) => {
    const st = SERIES[i % SERIES.length]!;
    const x = left + i * 170;
    return `<line x1="${x}" x2="${x + 24}" y1="${h - 14}" y2="${h - 14}" stroke="${st.color}" stroke-width="2"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''}/><text x="${x + 30}" y="${h - 10}" font-size="12">${esc(s.name)}</text>`;
  });
  return `${svgOpen(w, h, label)}<title>${esc(label)}</title>${grid.join('')}${ticks.join('')}${paths.join('')}${legend.join('')}</svg>`;
}

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

const short = (v: number) => (v >= 1e6 ? `${r(v / 1e6)}M` : v >= 1e4 ? `${r(v / 1e3)}k` : r(v));
