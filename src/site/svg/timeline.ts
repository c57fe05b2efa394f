import { addDays, dayNumber } from '../../util/dates.ts';
import { esc, r, svgOpen } from './escape.ts';

export interface TimelineRow {
  label: string;
  start: string;
  end: string;
  /** The cancel-by date, drawn as a marker. */
  mark: string | null;
}

/** Contract terms as bars over the next year, the cancel-by date of each marked, and today as a line. */
export function timeline(label: string, rows: TimelineRow[], today: string): string {
  const [w, left, right, rowH, top] = [720, 200, 40, 20, 24];
  const from = addDays(today, -90);
  const to = addDays(today, 365);
  const h = top + Math.max(1, rows.length) * rowH + 8;
  const X = (d: string) => left + Math.min(1, Math.max(0, (dayNumber(d) - dayNumber(from)) / (dayNumber(to) - dayNumber(from)))) * (w - left - right);
  const bars = rows.map((row, i) => {
    const y = top + i * rowH;
    const mark = row.mark && row.mark >= from && row.mark <= to
      ? `<path d="M${r(X(row.mark))} ${y + 2} l5 8 l-5 8 l-5 -8 z" fill="#b4530a"/>` : '';
    return `<text x="${left - 6}" y="${y + 14}" text-anchor="end" font-size="12">${esc(row.label)}</text><rect x="${r(X(row.start))}" y="${y + 5}" width="${r(Math.max(1, X(row.end) - X(row.start)))}" height="${rowH - 10}" fill="#8fb0d8"/>${mark}`;
  });
  const months = [0, 90, 180, 270, 365].map((n) => addDays(today, n));
  const axis = [from, ...months].map((d) => `<text x="${r(X(d))}" y="14" text-anchor="middle" font-size="11">${d.slice(0, 7)}</text>`);
  const now = `<line x1="${r(X(today))}" x2="${r(X(today))}" y1="18" y2="${h}" stroke="#222" stroke-dasharray="3 3"/>`;
  return `${svgOpen(w, h, label)}<title>${esc(label)}</title>${axis.join('')}${bars.join('')}${now}</svg>`;
}
