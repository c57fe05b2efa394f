import { csvLine } from '../../report/csv.ts';
import type { Table } from '../types.ts';
import { csvColumns } from './kinds.ts';
import { csvValue } from './values.ts';

/** Every CSV the site offers starts with a byte order mark: Excel reads a CSV without one in the local code page, which garbles names. */
export const BOM = '\uFEFF';

/** Characters of CSV handed to the writer at a time. */
const CHUNK = 1 << 20;

/** A table as CSV: typed columns (src/site/csv/kinds.ts), formula-like text neutralised (src/report/csv.ts), UTF-8 with a BOM. */
export const tableCsv = (t: Table): string => [...tableCsvChunks(t)].join('');

/** The same CSV in chunks: the seats table of a large organization is a million rows, no row array or whole string is made. */
export function* tableCsvChunks(t: Table): Generator<string> {
  const cols = csvColumns(t);
  const at = cols.map((c) => t.columns.indexOf(c.source));
  let chunk = BOM + csvLine(cols.map((c) => c.header));
  for (const r of t.rows) {
    chunk += csvLine(cols.map((c, i) => String(csvValue(c, r[at[i]!]))));
    if (chunk.length >= CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}
