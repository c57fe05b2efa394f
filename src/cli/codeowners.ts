import type { Command } from 'commander';
import type { Io } from './io.ts';

export interface CodeownersOpts {
  root?: string;
  default?: string;
  dryRun?: boolean;
}

export function registerCodeowners(program: Command, io: Io): void {
  program
    .command('codeowners')
    .description('write .github/CODEOWNERS so that each license\'s and contract\'s files need its owner\'s review')
    .option('--root <dir>', 'the license repository (default: the current folder)')
    .option('--default <owners>', 'owners of everything else, e.g. "@acme/it" (kept from the current file when omitted)')
    .option('--dry-run', 'print the file instead of writing it')
    .action(async (opts: CodeownersOpts) => (await import('./actions/codeowners.ts')).runCodeowners(opts, io));
}
