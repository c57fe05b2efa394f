import type { Command } from 'commander';
import { buildReport } from '../analysis/report/index.ts';
import { resolveToday } from '../check/run.ts';
import { loadInventory } from '../inventory/load.ts';
import { formatReport, REPORT_FORMATS, type FullReport, type ReportFormat } from '../report/format.ts';
import { realisedSavings } from '../report/realised.ts';
import { suggestion } from '../util/suggest.ts';
import { AT_HELP, sourceAt } from './at.ts';
import { UserError } from './errors.ts';
import type { Io } from './io.ts';
import { parseToday } from './options.ts';

interface ReportOpts {
  root?: string;
  format: string;
  today?: string;
  license?: string;
  at?: string;
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
    .action(async (opts: ReportOpts) => {
      if (!(REPORT_FORMATS as readonly string[]).includes(opts.format)) throw new UserError(`--format ${opts.format} is not one of ${REPORT_FORMATS.join(', ')}`, 'e.g. --format csv');
      const { source, root, at } = await sourceAt(opts.root, opts.at, io.cwd);
      const { inventory } = await loadInventory(source);
      if (opts.license !== undefined && !inventory.licenses.has(opts.license)) {
        throw new UserError(`no license "${opts.license}"${suggestion(opts.license, inventory.licenses.keys())}`, 'license IDs are the file names in inventory/licenses/');
      }
      const today = resolveToday(inventory, parseToday(opts.today) ?? at?.day);
      const report: FullReport = buildReport(inventory, today, opts.license === undefined ? {} : { license: opts.license });
      const savings = await realisedSavings(root, inventory, today, opts.license);
      if (savings) report.savings = savings;
      io.out(formatReport(report, opts.format as ReportFormat));
    });
}
