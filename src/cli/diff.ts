import { Option, type Command } from 'commander';
import { DIFF_FORMATS, type DiffFormat } from '../diff/formats.ts';
import type { Io } from './io.ts';

export interface DiffOpts {
  root?: string;
  format: DiffFormat;
  today?: string;
  comment?: boolean;
  pr?: string;
}

export function registerDiff(program: Command, io: Io): void {
  program
    .command('diff')
    .description('the change in meaning between two states of the inventory: seats, contracts, people, cost, findings')
    .argument('[base]', 'revision to compare from (default: the merge base with the default branch)')
    .argument('[head]', 'revision to compare to (default: the working tree)')
    .option('--root <dir>', 'the license repository (default: the current folder)')
    .addOption(new Option('--format <format>', 'output format').choices(DIFF_FORMATS).default('text'))
    .option('--today <date>', 'the day entitlements and costs are taken on (default: today in the org time zone)')
    .option('--comment', 'also post the markdown as one sticky comment on the pull request (GITHUB_TOKEN, GITHUB_REPOSITORY)')
    .option('--pr <number>', 'the pull request to comment on (default: from GITHUB_EVENT_PATH)')
    .action(async (base: string | undefined, head: string | undefined, opts: DiffOpts) => (await import('./actions/diff.ts')).runDiff(base, head, opts, io));
}
