import { CsvSyntaxError, parseCsvRows } from '../../usage/http/csv.ts';
import { decode } from '../../usage/import/file.ts';
import { ImportError } from '../types.ts';
import { isBlank, type Grid } from './grid.ts';

const DELIMITERS = [',', ';', '\t', '|'];

/**
 * Text of a CSV file: UTF-8 or UTF-16 with a byte-order mark (the usage CSV reader's decoding), and
 * Windows-1252 when the bytes are not UTF-8 (Excel's "CSV" on Windows), said in the report.
 */
export function decodeCsv(bytes: Buffer): { text: string; note?: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { text: decode(bytes), note: 'read as UTF-16' };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: decode(bytes) };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), note: 'not UTF-8: read as Windows-1252' };
  }
}

/** The delimiter that splits the first line into the most columns (",", ";", tab or "|"), unless one is given. */
export function sniffDelimiter(text: string): string {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const count = (d: string) => first.split(d).length;
  return DELIMITERS.reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

/** A CSV file as a grid, through the usage CSV reader (RFC 4180, errors by line). */
export function csvGrid(bytes: Buffer, shown: string, delimiter?: string): Grid {
  const { text, note } = decodeCsv(bytes);
  try {
    const rows = parseCsvRows(text, delimiter ?? sniffDelimiter(text))
      .map((r) => ({ row: r.line, cells: r.cells }))
      .filter((r) => !r.cells.every(isBlank));
    return { shown, rows, ...(note ? { note } : {}) };
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new ImportError(`${shown}:${error.line}: ${error.message}`, 'a cell with the delimiter or a line break must be wrapped in double quotes; re-export the sheet as CSV');
    throw error;
  }
}
