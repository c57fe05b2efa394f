import { Option, type Command } from 'commander';
import { check } from '../check/run.ts';
import { formatFindings, FORMATS, type FindingFormat } from '../findings/format.ts';
import { fsSource } from '../inventory/source.ts';
import { ExitCode } from './errors.ts';
import type { Io } from './io.ts';
import { parseRoot, parseToday } from './options.ts';

interface CheckOpts {
  root?: string;
  format: FindingFormat;
  today?: string;
}

export function registerCheck(program: Command, io: Io): void {
  program
    .command('check')
    .description('validate the inventory: YAML, schemas, references and business rules; writes nothing')
    .option('--root <dir>', 'the license repository (default: the current folder)')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text'))
    .option('--today <date>', 'evaluate as of this date (YYYY-MM-DD; default: today in the org time zone)')
    .action(async (opts: CheckOpts) => {
      const root = parseRoot(opts.root ?? io.cwd);
      const result = await check(fsSource(root), { today: parseToday(opts.today) });
      io.out(formatFindings(result.findings, opts.format, result.today));
      throw new ExitCode(result.findings.some((f) => f.severity === 'error') ? 1 : 0);
    });
}
