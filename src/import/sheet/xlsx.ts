import { readSheet } from 'read-excel-file/node';
import { ImportError } from '../types.ts';
import { isBlank, type Cell, type Grid } from './grid.ts';

/** One sheet of an .xlsx workbook as a grid (the first sheet unless named); formulas read as their saved values. */
export async function xlsxGrid(bytes: Buffer, shown: string, sheet?: string): Promise<Grid> {
  let data: Cell[][];
  try {
    data = (await readSheet(bytes, sheet ?? 1)) as Cell[][];
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ImportError(`${shown}: cannot read the workbook${sheet ? ` sheet "${sheet}"` : ''}: ${why}`, 'save it from the spreadsheet program as .xlsx (Excel workbook), or export the sheet as CSV');
  }
  const rows = data.map((cells, i) => ({ row: i + 1, cells })).filter((r) => !r.cells.every(isBlank));
  return { shown: sheet ? `${shown} [${sheet}]` : shown, rows };
}
