import type { Command } from 'commander';
import { FOCUS_FORMATS } from '../export/focus/formats.ts';
import { UserError } from './errors.ts';
import type { Io } from './io.ts';
import { AT_HELP } from './options.ts';

export interface FocusOpts {
  period?: string;
  from?: string;
  to?: string;
  format: string;
  out?: string;
  root?: string;
  today?: string;
  at?: string;
}

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
      await (await import('./actions/export.ts')).runFocusExport(opts, io);
    });
}
