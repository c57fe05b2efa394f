import { addMonths, dayNumber } from '../../util/dates.ts';
import { esc, r, svgOpen } from './escape.ts';

export interface TimelineRow {
  label: string;
  start: string;
  end: string;
  /** The cancel-by date, drawn as a marker. */
  mark: string | null;
}

const monthStart = (d: string) => `${d.slice(0, 7)}-01`;

/** The first day of each month from `from` to `to`, both month starts. */
function monthStarts(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addMonths(d, 1)) out.push(d);
  return out;
}

/**
 * Contract terms as bars from three months back to a year ahead, the cancel-by date of each marked,
 * today as a line. Ticks sit on month starts (labelled each quarter); a term that runs past either
 * edge says so with an arrow and its date, so a clipped bar never reads as the whole term.
 */
export function timeline(label: string, rows: TimelineRow[], today: string): string {
  const [w, left, right, rowH, top] = [720, 200, 40, 22, 30];
  const from = monthStart(addMonths(today, -3));
  const to = monthStart(addMonths(today, 13));
  const h = top + Math.max(1, rows.length) * rowH + 8;
  const X = (d: string) => left + Math.min(1, Math.max(0, (dayNumber(d) - dayNumber(from)) / (dayNumber(to) - dayNumber(from)))) * (w - left - right);
  const bars = rows.map((row, i) => {
    const y = top + i * rowH;
    const mark = row.mark && row.mark >= from && row.mark <= to
      ? `<path d="M${r(X(row.mark))} ${y + 2} l5 9 l-5 9 l-5 -9 z" fill="#b4530a"/>` : '';
    const [x0, x1] = [X(row.start), X(row.end)];
    const before = row.start < from ? `<path d="M${r(x0)} ${y + 11} l7 -6 v12 z" fill="#1b1b1b"/><text x="${r(x0 + 10)}" y="${y + 15}" font-size="11">since ${esc(row.start)}</text>` : '';
    const after = row.end > to ? `<path d="M${r(x1)} ${y + 11} l-7 -6 v12 z" fill="#1b1b1b"/><text x="${r(x1 - 10)}" y="${y + 15}" text-anchor="end" font-size="11">to ${esc(row.end)}</text>` : '';
    return `<text x="${left - 6}" y="${y + 15}" text-anchor="end" font-size="12">${esc(row.label)}</text><rect x="${r(x0)}" y="${y + 4}" width="${r(Math.max(1, x1 - x0))}" height="${rowH - 8}" fill="#8fb0d8"/>${before}${after}${mark}`;
  });
  const ticks = monthStarts(from, to).map((d) => {
    const x = r(X(d));
    const quarter = (Number(d.slice(5, 7)) - 1) % 3 === 0;
    return `<line x1="${x}" x2="${x}" y1="${quarter ? 18 : 22}" y2="${top}" stroke="#4a4a4a"/>${quarter ? `<text x="${x}" y="14" text-anchor="middle" font-size="11">${d.slice(0, 7)}</text>` : ''}`;
  });
  const now = `<line x1="${r(X(today))}" x2="${r(X(today))}" y1="${top - 6}" y2="${h}" stroke="#222" stroke-dasharray="3 3"/>`;
  return `${svgOpen(w, h, label)}<title>${esc(label)}</title>${ticks.join('')}${bars.join('')}${now}</svg>`;
}
