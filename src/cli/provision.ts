import type { Command } from 'commander';
import type { Io } from './io.ts';

export interface ProvisionOpts {
  root?: string;
  dryRun?: boolean;
  openPr?: boolean;
  today?: string;
}

export function registerProvision(program: Command, io: Io): void {
  program
    .command('provision')
    .description('add, move and remove seats as people and access policies (inventory/policies/) say; leavers\' seats go on their end date')
    .option('--dry-run', 'print the plan; write nothing')
    .option('--open-pr', 'propose the due changes as a pull request on branch lac/provision (updated on each run); license owners review where a policy says so')
    .option('--root <dir>', 'the license repository (default: the current folder)')
    .option('--today <date>', 'the day changes are due by (default: today in the org time zone)')
    .action(async (opts: ProvisionOpts) => (await import('./actions/provision.ts')).runProvision(opts, io));
}
