// Most cells need neither quotes nor an apostrophe: one test finds those that may (a million-row CSV has ten million cells).
const ATTENTION = /^[=+\-@\t\r]|[",\r\n]/;

/**
 * One CSV cell (RFC 4180). A cell a spreadsheet would run as a formula (= + - @, tab, CR) gets a
 * leading apostrophe: names come from the repository, not from us (OWASP CSV injection). Plain
 * numbers, negative ones included, are left as they are so that they stay numbers.
 */
export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  if (!ATTENTION.test(text)) return text;
  const numeric = /^-?\d+(\.\d+)?$/.test(text);
  const safe = !numeric && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV with a header row and CRLF line ends. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return csvLine(header) + csvLines(rows);
}

/** CSV lines, each ended by CRLF (a part of a file written a part at a time). */
export function csvLines(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return rows.map(csvLine).join('');
}

/** One row of a CSV, with its CRLF. */
export const csvLine = (row: ReadonlyArray<string | number | null | undefined>): string => `${row.map(csvCell).join(',')}\r\n`;
