import { stringify } from 'yaml';
import type { Field, SheetKind } from './fields.ts';
import { cellText, type Grid } from './grid.ts';
import { guessHeader } from './header.ts';

/** The kind of sheet its columns suggest. */
function kindOf(fields: Set<Field>): SheetKind {
  if ((fields.has('email') || fields.has('person')) && fields.has('product')) return 'flat';
  if (fields.has('email')) return 'people';
  if (fields.has('cost') || fields.has('quantity')) return 'contracts';
  return 'licenses';
}

/** `--guess`: a mapping file proposed from a sheet's header, with what it could not place listed for the user to decide. */
export function guessMapping(grid: Grid, locale: string): string {
  const { index, fields } = guessHeader(grid);
  const header = grid.rows[index]?.cells.map(cellText) ?? [];
  const columns: Partial<Record<Field, string>> = {};
  const unplaced: string[] = [];
  header.forEach((h, i) => {
    const field = fields[i];
    if (field && columns[field] === undefined) columns[field] = h;
    else if (h !== '') unplaced.push(h);
  });
  const kind = kindOf(new Set(Object.keys(columns) as Field[]));
  const lines = [
    `# Proposed by \`lac import spreadsheet --guess\` from row ${grid.rows[index]?.row ?? 1} of ${grid.shown}: check each line, then import with --mapping.`,
    '# locale: how the sheet writes amounts and dates (de-DE: 1.234,56 € and 01.03.2026; en-US: $540.00 and 03/01/2026).',
    stringify({ kind, locale, columns }).trimEnd(),
  ];
  if (unplaced.length > 0) lines.push(`# Not mapped (no field lac imports has these names): ${unplaced.map((u) => JSON.stringify(u)).join(', ')}`);
  return `${lines.join('\n')}\n`;
}
