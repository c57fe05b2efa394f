import type { Command } from 'commander';
import type { Io } from './io.ts';

export interface RequestOpts {
  issue?: string;
  mergedPr?: string;
  root?: string;
  dryRun?: boolean;
  base?: string;
  remote: string;
  today?: string;
}

export function registerRequest(program: Command, io: Io): void {
  program
    .command('request')
    .description('answer a license request issue: check it, then open a pull request that adds the seat (GITHUB_REPOSITORY, GITHUB_API_URL, GITHUB_TOKEN)')
    .option('--issue <number>', 'the request issue to check and answer')
    .option('--merged-pr <number>', 'a merged request pull request: comment "granted" on its issue and close it')
    .option('--dry-run', 'print the verdict and the plan; push and post nothing')
    .option('--base <branch>', 'the branch the pull request targets and the inventory is read from (default: the current branch)')
    .option('--remote <name>', 'the git remote to push to', 'origin')
    .option('--root <dir>', 'the license repository (default: the current folder)')
    .option('--today <date>', 'the date to check the request on (default: today in the org time zone)')
    .action(async (opts: RequestOpts) => (await import('./actions/request.ts')).runRequest(opts, io));
}
