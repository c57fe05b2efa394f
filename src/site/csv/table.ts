import { toCsv } from '../../report/csv.ts';
import type { Table } from '../types.ts';
import { csvColumns } from './kinds.ts';
import { csvValue } from './values.ts';

/** Every CSV the site offers starts with a byte order mark: Excel reads a CSV without one in the local code page, which garbles names. */
export const BOM = '\uFEFF';

/** A table as CSV: typed columns (src/site/csv/kinds.ts), formula-like text neutralised (src/report/csv.ts), UTF-8 with a BOM. */
export function tableCsv(t: Table): string {
  const made = t.rows; // once: a table's rows may be made when read (lazyRows)
  const cols = csvColumns(t, made);
  const at = cols.map((c) => t.columns.indexOf(c.source));
  const rows = made.map((r) => cols.map((c, i) => String(csvValue(c, r[at[i]!]))));
  return BOM + toCsv(cols.map((c) => c.header), rows);
}
