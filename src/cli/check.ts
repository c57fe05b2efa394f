import { Option, type Command } from 'commander';
import { check } from '../check/run.ts';
import { formatFindings, FORMATS, type FindingFormat } from '../findings/format.ts';
import { ExitCode } from './errors.ts';
import type { Io } from './io.ts';
import { AT_HELP, sourceAt } from './at.ts';
import { parseToday } from './options.ts';

interface CheckOpts {
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
    .action(async (opts: CheckOpts) => {
      const { source, at } = await sourceAt(opts.root, opts.at, io.cwd);
      const result = await check(source, { today: parseToday(opts.today) ?? at?.day });
      io.out(formatFindings(result.findings, opts.format, result.today));
      // An entry that could not be read at all leaves the check incomplete: exit 2, not 1.
      throw new ExitCode(result.findings.some((f) => f.rule === 'unreadable-file') ? 2 : result.findings.some((f) => f.severity === 'error') ? 1 : 0);
    });
}
