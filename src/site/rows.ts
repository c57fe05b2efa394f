// A table's rows made from the model when they are read, not held (issue 16): at 100,000 people every seat,
// every change and each person's part of them would otherwise all be in memory while the site is built. Such a
// table keeps its items and how each becomes a row, so that a CSV writer can make and write them a part at a time.
import type { CellValue, Table } from './types.ts';

const SOURCE = Symbol('lac.rows.source');

/** Rows made at a time where a table is read in parts (its CSV): a million seats are not made at once. */
export const CHUNK_ROWS = 10_000;

interface Source<T> {
  items: () => readonly T[];
  row: (item: T) => CellValue[];
}

type WithSource = Table & { [SOURCE]?: Source<unknown> };

/**
 * A table whose `rows` are made from `items` each time they are read. Read `rows` once per use; a spread
 * ({ ...t }) turns it into a table that holds its rows.
 */
export function lazyRows<T>(t: Omit<Table, 'rows'>, items: readonly T[] | (() => readonly T[]), row: (item: T) => CellValue[]): Table {
  const source: Source<T> = { items: typeof items === 'function' ? items : () => items, row };
  const out = Object.defineProperty({ ...t }, 'rows', { get: () => source.items().map(row), enumerable: true }) as WithSource;
  return Object.defineProperty(out, SOURCE, { value: source, enumerable: false });
}

/** The table's rows, `size` at a time: made a part at a time for a lazyRows table, else its rows at once. */
export function* rowChunks(t: Table, size: number): Generator<CellValue[][]> {
  const source = (t as WithSource)[SOURCE];
  if (!source) {
    yield t.rows;
    return;
  }
  const items = source.items();
  for (let from = 0; from < items.length; from += size) yield items.slice(from, from + size).map(source.row);
}

/** How many rows the table has, without making them. */
export function rowCount(t: Table): number {
  const source = (t as WithSource)[SOURCE];
  return source ? source.items().length : t.rows.length;
}
