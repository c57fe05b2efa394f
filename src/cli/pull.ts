import type { Command } from 'commander';
import type { Connector } from '../usage/types.ts';
import type { Io } from './io.ts';

export interface PullOpts {
  root?: string;
  all?: boolean;
  since?: string;
  dryRun?: boolean;
  today?: string;
  publish?: boolean;
}

/** `lac pull`; `connectors` replaces the usage connectors (default: the registry of src/usage). */
export function registerPull(program: Command, io: Io, connectors?: ReadonlyMap<string, Connector>): void {
  program
    .command('pull')
    .description('read usage from each license\'s usage source and write inventory/usage/<license>.yaml')
    .argument('[license...]', 'license IDs to pull')
    .option('--all', 'every license that has a usage source')
    .option('--since <date>', 'only activity on or after this date matters')
    .option('--dry-run', 'read the vendors and print what would change; write nothing')
    .option('--publish', 'propose the new snapshots as one pull request (branch lac/usage), or push them when org.yaml says github.usage_updates: push')
    .option('--root <dir>', 'the license repository (default: the current folder)')
    .option('--today <date>', 'the date to ask report APIs for (default: today in the org time zone)')
    .action(async (ids: string[], opts: PullOpts) => (await import('./actions/pull.ts')).runPull(ids, opts, io, connectors));
}
