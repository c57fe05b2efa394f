import type { Command } from 'commander';
import { DEFAULT_MONTHS, MAX_MONTHS } from '../analysis/forecast/months.ts';
import { FORECAST_FORMATS } from '../report/formats.ts';
import { UserError } from './errors.ts';
import type { Io } from './io.ts';

export interface ForecastOpts {
  months: string;
  format: string;
  license?: string;
  today?: string;
  root?: string;
  backtest?: boolean;
}

/** --months: a whole number from 1 to MAX_MONTHS. */
export function parseMonths(text: string): number {
  const n = /^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!(n >= 1 && n <= MAX_MONTHS)) throw new UserError(`--months ${text} is not a number of months from 1 to ${MAX_MONTHS}`, `e.g. --months ${DEFAULT_MONTHS}`);
  return n;
}

/** `lac forecast`: parses options, runs the forecast (src/report/forecast/run.ts) and prints it. */
export function registerForecast(program: Command, io: Io): void {
  program
    .command('forecast')
    .description('spend per month for the months ahead (contract terms, assumed renewals at recommended quantities, price escalators, known leavers and joiners), seat demand per license and headcount per department from their trends, and a back-test')
    .option('--months <n>', `how many months after this one to forecast (1 to ${MAX_MONTHS})`, String(DEFAULT_MONTHS))
    .option('--format <format>', `output format: ${FORECAST_FORMATS.join(', ')}`, 'text')
    .option('--license <id>', 'only this license\'s spend and seat demand')
    .option('--today <date>', 'the day the forecast is made on (default: today in the org time zone)')
    .option('--root <dir>', 'the license repository (default: the current folder)')
    .option('--backtest', 'also compare the forecast made six months ago (from the inventory as it stood then) with what happened, and print the error')
    .action(async (opts: ForecastOpts) => {
      if (!(FORECAST_FORMATS as readonly string[]).includes(opts.format)) throw new UserError(`--format ${opts.format} is not one of ${FORECAST_FORMATS.join(', ')}`, 'e.g. --format csv');
      const months = parseMonths(opts.months);
      await (await import('./actions/forecast.ts')).runForecast(opts, months, io);
    });
}
