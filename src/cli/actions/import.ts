import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { resolveToday } from '../../check/run.ts';
import { mergeBatches, runImport } from '../../import/run.ts';
import { guessMapping } from '../../import/sheet/guess.ts';
import { loadGrid } from '../../import/sheet/load.ts';
import { readMapping } from '../../import/sheet/mapping.ts';
import { readGrid } from '../../import/sheet/read.ts';
import { ImportError, type Batch } from '../../import/types.ts';
import { loadInventory } from '../../inventory/load.ts';
import { fsSource } from '../../inventory/source.ts';
import { ExitCode, UserError } from '../errors.ts';
import type { SheetOpts } from '../import.ts';
import type { Io } from '../io.ts';
import { parseRoot, parseToday } from '../options.ts';

/** Prints the report; exit 1 when any row was left out. */
export async function finishImport(io: Io, root: string, batch: Batch, dryRun: boolean, notes: string[]): Promise<void> {
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

/** `lac import spreadsheet`: a proposed mapping (--guess), or the sheets read through the mapping and imported. */
export function runSheetImport(files: string[], opts: SheetOpts, io: Io): Promise<void> {
  return userErrors(async () => {
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
    await finishImport(io, root, mergeBatches(batches), opts.dryRun ?? false, notes);
  });
}
