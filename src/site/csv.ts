import type { CellValue, Table } from './types.ts';

// A spreadsheet runs a cell that starts with one of these as a formula (CWE-1236, OWASP "CSV injection").
const FORMULA = /^[=+\-@\t\r]/;

/** One CSV cell: neutralised against formula injection with a leading ', then quoted when needed (RFC 4180). */
export function csvCell(value: string): string {
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const cellText = (c: CellValue) => (typeof c === 'string' ? c : c.text);

/** A table as CSV: the header row and the cells exactly as the page shows them; CRLF line ends. */
export function tableCsv(t: Table): string {
  const lines = [t.columns.map((c) => csvCell(c.label)), ...t.rows.map((r) => r.map((c) => csvCell(cellText(c))))];
  return lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}
