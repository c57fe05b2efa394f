// What a table says once about its columns instead of on every cell (site/src/styles/columns.css reads it):
// the names its stacked rows show (at phone width, and in print for wide tables) and which columns hold dates.
// Per cell, the names were 57 MB and the date classes 5 MB of a 20,000-person site.
import { text } from './pages/context.ts';
import type { Table } from './types.ts';

/** Columns named and marked through the table's attributes; later columns are marked per cell. */
export const STACK_LABELLED = 64;

/** A cell that starts with a date: it stays whole rather than break anywhere. */
export const DAY = /^\d{4}-\d{2}-\d{2}/;

/** A CSS string of text: quotes, backslashes and line breaks escaped. */
function cssString(text: string): string {
  return `'${text.replace(/[\\']/g, '\\$&').replace(/[\n\r\f]/g, '\\a ')}'`;
}

/** The table's style attribute: `--c1:'License';--c2:'Tier';…` for its first STACK_LABELLED columns. */
export function stackLabelStyle(labels: readonly string[]): string {
  return labels.slice(0, STACK_LABELLED).map((l, i) => `--c${i + 1}:${cssString(l)}`).join(';');
}

/**
 * The columns (1-based, the first STACK_LABELLED) whose every cell is a date or empty, with one date at least:
 * the table's data-days attribute. A date elsewhere keeps a class of its own (src/site/html/cells.ts).
 */
export function dayColumns(t: Pick<Table, 'columns' | 'rows'>): number[] {
  const out: number[] = [];
  const rows = t.rows; // once: a table's rows may be made when read (lazyRows)
  for (let i = 0; i < Math.min(t.columns.length, STACK_LABELLED); i++) {
    if (t.columns[i]!.numeric) continue;
    let dates = 0;
    const all = rows.every((r) => {
      const x = r[i] === undefined ? '' : text(r[i]!);
      if (DAY.test(x)) dates++;
      return x === '' || DAY.test(x);
    });
    if (all && dates > 0) out.push(i + 1);
  }
  return out;
}

