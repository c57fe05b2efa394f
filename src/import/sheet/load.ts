import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ImportError } from '../types.ts';
import { csvGrid } from './csv.ts';
import type { Grid } from './grid.ts';
import { xlsxGrid } from './xlsx.ts';

/** Reads a .csv, .tsv or .xlsx file as a grid; other files are refused with what lac reads. */
export async function loadGrid(file: string, options: { sheet?: string; delimiter?: string } = {}): Promise<Grid> {
  const shown = basename(file);
  const bytes = await readFile(file).catch((e: NodeJS.ErrnoException) => {
    throw new ImportError(`${file}: cannot read it (${e.code ?? e.message})`, 'give the path of a .csv or .xlsx file');
  });
  if (/\.xlsx$/i.test(file)) return xlsxGrid(bytes, shown, options.sheet);
  if (/\.xls$|\.ods$|\.numbers$/i.test(file)) throw new ImportError(`${shown}: lac reads .csv and .xlsx spreadsheets`, 'save it as .xlsx (Excel workbook) or export it as CSV');
  return csvGrid(bytes, shown, options.delimiter ?? (/\.tsv$/i.test(file) ? '\t' : undefined));
}
