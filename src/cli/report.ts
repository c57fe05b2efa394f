import type { Command } from 'commander';
import { REPORT_FORMATS } from '../report/formats.ts';
import { UserError } from './errors.ts';
import type { Io } from './io.ts';
import { AT_HELP } from './options.ts';

export interface ReportOpts {
  root?: string;
  format: string;
  today?: string;
  license?: string;
  at?: string;
  period?: string;
  from?: string;
  to?: string;
}

export function registerReport(program: Command, io: Io): void {
  program
    .command('report')
    .description('utilization, cost, waste and chargeback per license and tier, and the savings reclaim pull requests realised this year')
    .option('--format <format>', `output format: ${REPORT_FORMATS.join(', ')}`, 'text')
    .option('--today <date>', 'the date to report on (default: today in the org time zone)')
    .option('--license <id>', 'only this license')
    .option('--root <dir>', 'the license repository (default: the current folder)')
    .option('--at <date|revision>', AT_HELP)
    .option('--period <period>', 'spend accrued in a fiscal year (2025: the one starting in 2025, per fiscal_year_start in org.yaml), fiscal quarter (2026-Q3) or month (2026-07), charged to who held the seats each day')
    .option('--from <date>', 'with --to: spend accrued from this day (included)')
    .option('--to <date>', 'with --from: spend accrued up to this day (included)')
    .action(async (opts: ReportOpts) => {
      if (!(REPORT_FORMATS as readonly string[]).includes(opts.format)) throw new UserError(`--format ${opts.format} is not one of ${REPORT_FORMATS.join(', ')}`, 'e.g. --format csv');
      await (await import('./actions/report.ts')).runReport(opts, io);
    });
}
