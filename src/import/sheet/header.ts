import { ImportError } from '../types.ts';
import { fieldOf, type Field } from './fields.ts';
import { cellText, type Grid } from './grid.ts';

/** Header rows are looked for in this many first rows: titles and merged group headers sit above them. */
const SEARCH_ROWS = 10;

/** Index (into grid.rows) of the first row holding every wanted header; a located error when none does. */
export function findHeader(grid: Grid, wanted: string[]): number {
  const candidates = grid.rows.slice(0, SEARCH_ROWS);
  const at = candidates.findIndex((r) => wanted.every((w) => r.cells.some((c) => cellText(c) === w)));
  if (at !== -1) return at;
  const first = candidates[0];
  throw new ImportError(
    `${grid.shown}: no row in the first ${SEARCH_ROWS} holds the headers ${wanted.map((w) => `"${w}"`).join(', ')}${first ? `; row ${first.row} reads ${first.cells.map((c) => `"${cellText(c)}"`).join(', ')}` : ''}`,
    'fix `columns:` in the mapping (header names exactly as the sheet writes them), or run with --guess to propose them',
  );
}

/** The row that looks most like a header (most cells naming a known field), and the field of each of its cells. */
export function guessHeader(grid: Grid): { index: number; fields: (Field | undefined)[] } {
  let best = { index: 0, fields: [] as (Field | undefined)[], score: -1 };
  grid.rows.slice(0, SEARCH_ROWS).forEach((r, index) => {
    const fields = r.cells.map((c) => fieldOf(cellText(c)));
    const score = new Set(fields.filter(Boolean)).size;
    if (score > best.score) best = { index, fields, score };
  });
  return best;
}
