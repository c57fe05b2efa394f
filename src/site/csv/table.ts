import { csvLines } from '../../report/csv.ts';
import { CHUNK_ROWS, rowChunks } from '../rows.ts';
import type { Table } from '../types.ts';
import { csvColumns } from './kinds.ts';
import { csvValue } from './values.ts';

/** Every CSV the site offers starts with a byte order mark: Excel reads a CSV without one in the local code page, which garbles names. */
export const BOM = '\uFEFF';

/** A table as CSV: typed columns (src/site/csv/kinds.ts), formula-like text neutralised (src/report/csv.ts), UTF-8 with a BOM. */
export function tableCsv(t: Table): string {
  return [...tableCsvChunks(t)].join('');
}

/** tableCsv in parts: the BOM and header, then CHUNK_ROWS rows at a time, made as they are written (rowChunks). */
export function* tableCsvChunks(t: Table): Generator<string> {
  const cols = csvColumns(t);
  const at = cols.map((c) => t.columns.indexOf(c.source));
  yield BOM + csvLines([cols.map((c) => c.header)]);
  for (const rows of rowChunks(t, CHUNK_ROWS)) yield csvLines(rows.map((r) => cols.map((c, i) => String(csvValue(c, r[at[i]!])))));
}
