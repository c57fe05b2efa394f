import type { Command } from 'commander';
import type { DirectorySourceImpl } from '../directory/types.ts';
import type { Io } from './io.ts';

export interface PeoplePullOpts {
  root?: string;
  dryRun?: boolean;
  openPr?: boolean;
  today?: string;
}

/** `lac people`; `sources` replaces the directory sources (default: those of src/directory). */
export function registerPeople(program: Command, io: Io, sources?: ReadonlyMap<string, DirectorySourceImpl>): void {
  const people = program.command('people').description('keep inventory/people.yaml from the directory\'s source of truth');
  people
    .command('pull')
    .description('read the directory source in org.yaml and apply joiners, movers and leavers to inventory/people.yaml')
    .option('--dry-run', 'read the source and print what would change; write nothing')
    .option('--open-pr', 'propose the change as a pull request on branch lac/people (updated on each run)')
    .option('--root <dir>', 'the license repository (default: the current folder)')
    .option('--today <date>', 'the day leaving dates are compared with (default: today in the org time zone)')
    .action(async (opts: PeoplePullOpts) => (await import('./actions/people.ts')).runPeoplePull(opts, io, sources));
}
