import type { Command } from 'commander';
import { HISTORY_FORMATS } from '../history/formats.ts';
import type { Io } from './io.ts';

export interface HistoryOpts {
  root?: string;
  since?: string;
  until?: string;
  license?: string;
  person?: string;
  format: string;
  order: string;
  ref?: string;
  cache: boolean;
  api: boolean;
  maxRequests: string;
  today?: string;
}

export function registerHistory(program: Command, io: Io): void {
  program
    .command('history')
    .description('what changed in the inventory, commit by commit: seats, people, contracts, licenses, vendors, usage snapshots')
    .option('--root <dir>', 'the license repository (default: the current folder)')
    .option('--since <date>', 'only changes committed on or after this day (YYYY-MM-DD, org time zone)')
    .option('--until <date>', 'only changes committed on or before this day (YYYY-MM-DD, org time zone)')
    .option('--license <id>', 'only changes about this license')
    .option('--person <id>', 'only changes about this person')
    .option('--format <format>', `output format: ${HISTORY_FORMATS.join(', ')}`, 'text')
    .option('--order <order>', 'newest (default) or oldest first', 'newest')
    .option('--ref <revision>', 'the branch whose first-parent history is read (default: the current branch)')
    .option('--no-cache', 'do not read or write the parse cache under .git/lac-cache/')
    .option('--no-api', 'do not ask GitHub who reviewed and approved each change (cached answers are still shown)')
    .option('--max-requests <n>', 'at most this many GitHub API requests for approvals and signatures (default 2000)', '2000')
    .option('--today <date>', 'with --person: the day the offboarding block is as of (default: today in the org time zone)')
    .action(async (opts: HistoryOpts) => (await import('./actions/history.ts')).runHistory(opts, io));
}
