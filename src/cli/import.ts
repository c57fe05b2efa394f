import type { Command } from 'commander';
import { registerAssetImport } from './import-assets.ts';
import type { Io } from './io.ts';

export interface SheetOpts {
  mapping?: string;
  guess?: boolean;
  locale?: string;
  dryRun?: boolean;
  root?: string;
  today?: string;
}

/** `lac import`: a first inventory from what the organization already keeps (spreadsheets, Snipe-IT, GLPI). */
export function registerImport(program: Command, io: Io): Command {
  const group = program.command('import').description('write vendors, licenses, contracts, seats and people from existing records: `lac import spreadsheet`, `lac import snipe-it`, `lac import glpi`');
  group
    .command('spreadsheet')
    .description('import .csv or .xlsx sheets: one flat sheet (person, product, tier, cost, renewal date) or one sheet per kind, through a column mapping')
    .argument('<files...>', 'the .csv or .xlsx files')
    .option('--mapping <file>', 'the column mapping (YAML: kind, locale, currency, columns); one mapping for all files')
    .option('--guess', 'print a mapping proposed from the first file\'s headers, and write nothing')
    .option('--locale <tag>', 'how the sheets write amounts and dates (de-DE, en-US...); overrides the mapping\'s locale')
    .option('--dry-run', 'print the plan (files to write, rows left out) and write nothing')
    .option('--root <dir>', 'the license repository (default: the current folder)')
    .option('--today <date>', 'the `since` of seats whose sheet gives no date (default: today in the org time zone)')
    .action(async (files: string[], opts: SheetOpts) => (await import('./actions/import.ts')).runSheetImport(files, opts, io));
  registerAssetImport(group, io, {
    name: 'snipe-it', product: 'Snipe-IT', env: 'SNIPEIT_API_TOKEN',
    load: async () => {
      const { snipeItLicenses, SNIPE_IT_EXPORT } = await import('../import/snipe-it/index.ts');
      return { api: snipeItLicenses, columns: SNIPE_IT_EXPORT };
    },
  });
  registerAssetImport(group, io, {
    name: 'glpi', product: 'GLPI', env: 'GLPI_APP_TOKEN and GLPI_USER_TOKEN',
    load: async () => {
      const { glpiLicenses, GLPI_EXPORT } = await import('../import/glpi/index.ts');
      return { api: glpiLicenses, columns: GLPI_EXPORT };
    },
  });
  return group;
}
