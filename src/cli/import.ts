import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadInventory } from '../inventory/load.ts';
import { fsSource } from '../inventory/source.ts';
import { resolveToday } from '../check/run.ts';
import { mergeBatches, runImport } from '../import/run.ts';
import { guessMapping } from '../import/sheet/guess.ts';
import { loadGrid } from '../import/sheet/load.ts';
import { readMapping } from '../import/sheet/mapping.ts';
import { readGrid } from '../import/sheet/read.ts';
import { ImportError, type Batch } from '../import/types.ts';
import { ExitCode, UserError } from './errors.ts';
import { registerAssetImport } from './import-assets.ts';
import { snipeItLicenses, SNIPE_IT_EXPORT } from '../import/snipe-it/index.ts';
import { glpiLicenses, GLPI_EXPORT } from '../import/glpi/index.ts';
import type { Io } from './io.ts';
import { parseRoot, parseToday } from './options.ts';

interface SheetOpts {
  mapping?: string;
  guess?: boolean;
  locale?: string;
  dryRun?: boolean;
  root?: string;
  today?: string;
}

/** Prints the report; exit 1 when any row was left out. */
async function finish(io: Io, root: string, batch: Batch, dryRun: boolean, notes: string[]): Promise<void> {
  const result = await runImport(root, batch, { dryRun, notes });
  io.out(result.report);
  if (result.plan.skipped.length > 0) throw new ExitCode(1);
}

/** Turns a refused input into the located user error (exit 2). */
export async function userErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof ImportError) throw new UserError(e.message, e.hint);
    throw e;
  }
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
    .action((files: string[], opts: SheetOpts) =>
      userErrors(async () => {
        const paths = files.map((f) => resolve(io.cwd, f));
        if (opts.guess) {
          io.out(guessMapping(await loadGrid(paths[0]!), opts.locale ?? 'en-US'));
          return;
        }
        if (!opts.mapping) throw new UserError('a spreadsheet import needs a column mapping: --mapping FILE', `run \`lac import spreadsheet ${files[0]} --guess > mapping.yaml\`, check it, then pass --mapping mapping.yaml`);
        const mapping = readMapping(await readFile(resolve(io.cwd, opts.mapping), 'utf8').catch(() => { throw new UserError(`cannot read the mapping ${opts.mapping}`); }), opts.mapping, opts.locale);
        const root = parseRoot(opts.root, io.cwd);
        const { inventory } = await loadInventory(fsSource(root));
        const today = resolveToday(inventory, parseToday(opts.today ?? io.env.LAC_TODAY));
        const batches: Batch[] = [];
        const notes: string[] = [];
        for (const path of paths) {
          const grid = await loadGrid(path, mapping);
          if (grid.note) notes.push(`${grid.shown}: ${grid.note}`);
          batches.push(readGrid(grid, mapping, today));
        }
        await finish(io, root, mergeBatches(batches), opts.dryRun ?? false, notes);
      }),
    );
  registerAssetImport(group, io, { name: 'snipe-it', product: 'Snipe-IT', env: 'SNIPEIT_API_TOKEN', api: snipeItLicenses, columns: SNIPE_IT_EXPORT });
  registerAssetImport(group, io, { name: 'glpi', product: 'GLPI', env: 'GLPI_APP_TOKEN and GLPI_USER_TOKEN', api: glpiLicenses, columns: GLPI_EXPORT });
  return group;
}

export { finish as finishImport };
