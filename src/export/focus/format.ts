// The FOCUS dataset as CSV (RFC 4180, UTF-8, a header row of column names) or JSON.
import { toCsv } from '../../report/csv.ts';
import { FOCUS_COLUMNS, type FocusRow } from './rows.ts';
import { FOCUS_FORMATS, type FocusFormat } from './formats.ts';
export { FOCUS_FORMATS, type FocusFormat };

/**
 * CSV: an empty cell is null. Text that a spreadsheet would run as a formula gets a leading
 * apostrophe (src/report/csv.ts); numbers, dates and JSON never start that way and stay as they are.
 * JSON: `{ focusVersion, columns, rows }`, decimals as strings so that no amount passes through a float.
 */
export function formatFocus(rows: readonly FocusRow[], format: Exclude<FocusFormat, 'parquet'>): string {
  if (format === 'json') return `${JSON.stringify({ focusVersion: '1.2', columns: FOCUS_COLUMNS, rows }, null, 2)}\n`;
  return toCsv(FOCUS_COLUMNS, rows.map((r) => FOCUS_COLUMNS.map((c) => r[c] ?? null)));
}
