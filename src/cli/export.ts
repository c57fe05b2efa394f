import type { Command } from 'commander';
import { monthsOf } from '../analysis/period/charges.ts';
import type { Period } from '../analysis/period/range.ts';
import { resolveToday } from '../check/run.ts';
import { formatFocus, FOCUS_FORMATS, type FocusFormat } from '../export/focus/format.ts';
import { focusParquet } from '../export/focus/parquet.ts';
import { focusExport } from '../export/focus/run.ts';
import { addDays, addMonths } from '../util/dates.ts';
import { writeFileAtomic } from '../util/fs/atomic-write.ts';
import { resolve } from 'node:path';
import { AT_HELP, sourceAt } from './at.ts';
import { UserError } from './errors.ts';
import type { Io } from './io.ts';
import { parseToday } from './options.ts';
import { periodOf } from './report.ts';

interface FocusOpts {
  period?: string;
  from?: string;
  to?: string;
  format: string;
  out?: string;
  root?: string;
  today?: string;
  at?: string;
}

/** The last whole calendar month before `today`. */
const lastMonth = (today: string): Period => monthsOf({ label: '', from: addMonths(`${today.slice(0, 7)}-01`, -1), to: addDays(`${today.slice(0, 7)}-01`, -1) })[0]!;

/** `lac export <dataset>`: spend and inventory data for other tools; FOCUS for FinOps tools first. */
export function registerExport(program: Command, io: Io): void {
  const group = program.command('export').description('write the inventory\'s data for other tools: `lac export focus` (FinOps FOCUS 1.2 spend dataset)');
  group
    .command('focus')
    .description('the software spend of a period as a FinOps FOCUS 1.2 dataset: one row per contract line, calendar month, department and cost centre')
    .option('--period <period>', 'a fiscal year (2025), fiscal quarter (2026-Q3) or month (2026-07), as in `lac report --period` (default: the last whole month before --today)')
    .option('--from <date>', 'with --to: from this day (included)')
    .option('--to <date>', 'with --from: up to this day (included)')
    .option('--format <format>', `output format: ${FOCUS_FORMATS.join(', ')}`, 'csv')
    .option('--out <file>', 'write the dataset to this file (default: standard output)')
    .option('--today <date>', 'the date that picks the default period (default: today in the org time zone)')
    .option('--root <dir>', 'the license repository (default: the current folder)')
    .option('--at <date|revision>', AT_HELP)
    .action(async (opts: FocusOpts) => {
      if (!(FOCUS_FORMATS as readonly string[]).includes(opts.format)) throw new UserError(`--format ${opts.format} is not one of ${FOCUS_FORMATS.join(', ')}`, 'e.g. --format csv');
      if (opts.format === 'parquet' && opts.out === undefined) throw new UserError('--format parquet writes a binary file: give it a name with --out', 'e.g. --format parquet --out focus-2026.parquet');
      const today = parseToday(opts.today ?? io.env.LAC_TODAY);
      const { source, root, at } = await sourceAt(opts.root, opts.at, io.cwd);
      const result = await focusExport(source, root, (inv) => periodOf(opts, inv.org?.data.fiscal_year_start) ?? lastMonth(resolveToday(inv, today ?? at?.day)), at?.commit);
      const format = opts.format as FocusFormat;
      const text = format === 'parquet' ? focusParquet(result.rows) : formatFocus(result.rows, format);
      for (const p of result.problems) io.err(`lac: warning: ${p.license}: ${p.message}\n`);
      if (opts.out === undefined) io.out(text as string);
      else {
        await writeFileAtomic(resolve(io.cwd, opts.out), text, { shown: opts.out });
        io.err(`lac: wrote ${result.rows.length} FOCUS rows for ${result.period.label} (${result.period.from} to ${result.period.to}) to ${opts.out}\n`);
      }
    });
}
