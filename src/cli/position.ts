import type { Command } from 'commander';
import { POSITION_FORMATS } from '../report/formats.ts';
import { UserError } from './errors.ts';
import type { Io } from './io.ts';
import { AT_HELP } from './options.ts';

export interface PositionOpts {
  root?: string;
  vendor?: string;
  at?: string;
  today?: string;
  format: string;
}

/** `lac position`: parses options, computes the position (src/analysis/position.ts) and prints it. */
export function registerPosition(program: Command, io: Io): void {
  program
    .command('position')
    .description('the effective license position per product and tier: entitlement and the contracts behind it, seats, vendor accounts, peak use, surplus or shortfall and its true-up cost')
    .option('--vendor <id>', 'only this vendor\'s licenses')
    .option('--at <date|revision>', AT_HELP)
    .option('--today <date>', 'the date of the position (default: the --at date, else today in the org time zone)')
    .option('--format <format>', `output format: ${POSITION_FORMATS.join(', ')}`, 'text')
    .option('--root <dir>', 'the license repository (default: the current folder)')
    .action(async (opts: PositionOpts) => {
      if (!(POSITION_FORMATS as readonly string[]).includes(opts.format)) throw new UserError(`--format ${opts.format} is not one of ${POSITION_FORMATS.join(', ')}`, 'e.g. --format csv');
      await (await import('./actions/position.ts')).runPosition(opts, io);
    });
}
