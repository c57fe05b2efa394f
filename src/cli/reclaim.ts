import type { Command } from 'commander';
import type { Io } from './io.ts';

export interface ReclaimOpts {
  root?: string;
  license?: string;
  dryRun?: boolean;
  openPr?: boolean;
  today?: string;
  base?: string;
  remote: string;
}

export function registerReclaim(program: Command, io: Io): void {
  program
    .command('reclaim')
    .description('propose unused seats for reclaim and light users for a cheaper tier: print the plan, edit the assignment files, or open one pull request per license')
    .option('--license <id>', 'only this license')
    .option('--dry-run', 'print the plan: which assignment lines change, why, and the saving; change nothing')
    .option('--open-pr', 'commit each license\'s changes to lac/reclaim/<license>, push, and open or update its pull request (GITHUB_REPOSITORY, GITHUB_API_URL, GITHUB_TOKEN)')
    .option('--base <branch>', 'the branch reclaim pull requests target (default: the current branch)')
    .option('--remote <name>', 'the git remote to push to', 'origin')
    .option('--root <dir>', 'the license repository (default: the current folder)')
    .option('--today <date>', 'the date to judge activity on (default: today in the org time zone)')
    .action(async (opts: ReclaimOpts) => (await import('./actions/reclaim.ts')).runReclaim(opts, io));
}
