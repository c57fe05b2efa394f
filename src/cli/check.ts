import { Option, type Command } from 'commander';
import { FORMATS, type FindingFormat } from '../findings/formats.ts';
import type { Io } from './io.ts';
import { AT_HELP } from './options.ts';

export interface CheckOpts {
  root?: string;
  format: FindingFormat;
  today?: string;
  at?: string;
}

export function registerCheck(program: Command, io: Io): void {
  program
    .command('check')
    .description('validate the inventory: YAML, schemas, references and business rules; writes nothing')
    .option('--root <dir>', 'the license repository (default: the current folder)')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text'))
    .option('--today <date>', 'evaluate as of this date (YYYY-MM-DD; default: today in the org time zone, or the --at day)')
    .option('--at <date|revision>', AT_HELP)
    .action(async (opts: CheckOpts) => (await import('./actions/check.ts')).runCheck(opts, io));
}
