/** One value of a sheet: CSV cells are text; .xlsx cells may be numbers, booleans or dates. */
export type Cell = string | number | boolean | Date | null;

/** A sheet as rows of cells, each row with its 1-based row number in the file (blank rows left out). */
export interface Grid {
  /** The file (and sheet) as shown in messages. */
  shown: string;
  rows: { row: number; cells: Cell[] }[];
  /** How the file was decoded, when that is worth saying (Windows-1252). */
  note?: string;
}

/** The spreadsheet name of a column: A, B, ... Z, AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** True for a cell with nothing in it. */
export const isBlank = (cell: Cell | undefined): boolean => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/** A cell as text (dates as ISO days, numbers as JavaScript writes them). */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}
