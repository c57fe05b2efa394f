import { Option, type Command } from 'commander';
import type { GitHubPort } from '../github/index.ts';
import { UserError } from './errors.ts';
import type { Io } from './io.ts';
import { AT_HELP } from './options.ts';

export const RENEWAL_FORMATS = ['text', 'json', 'md', 'ics'] as const;
type RenewalFormat = (typeof RENEWAL_FORMATS)[number];

export interface RenewalsOpts {
  root?: string;
  within?: string;
  format: RenewalFormat;
  today?: string;
  openIssues?: boolean;
  openPrs?: boolean;
  dryRun?: boolean;
  at?: string;
}

/** --within: a whole number of days. */
export function parseWithin(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,5}$/.test(value)) throw new UserError(`--within ${value} is not a number of days`, 'e.g. --within 90');
  return Number(value);
}

/** `lac renewals`; `makePort` replaces GitHub (default: the client of src/github). */
export function registerRenewals(program: Command, io: Io, makePort?: () => GitHubPort): void {
  program
    .command('renewals')
    .description('list contract renewals by cancel-by date with recommended quantities; a calendar; reminder issues and renewal pull requests')
    .option('--within <days>', 'only renewals whose cancel-by date is at most this many days away (default: the largest reminder threshold or decision window in org.yaml)')
    .addOption(new Option('--format <format>', 'output format').choices(RENEWAL_FORMATS).default('text'))
    .option('--today <date>', 'evaluate as of this date (YYYY-MM-DD; default: today in the org time zone)')
    .option('--root <dir>', 'the license repository (default: the current folder)')
    .option('--at <date|revision>', AT_HELP)
    .option('--open-issues', 'open, update and close one GitHub issue per contract term (GITHUB_REPOSITORY, GITHUB_TOKEN, GITHUB_API_URL)')
    .option('--open-prs', 'propose the next term of each renewal as a pull request on lac/renewal/<contract>')
    .option('--dry-run', 'with --open-issues / --open-prs: print what would change on GitHub; change nothing')
    .action(async (opts: RenewalsOpts) => {
      const within = parseWithin(opts.within);
      if (opts.at && (opts.openIssues || opts.openPrs)) throw new UserError('--at reads a past state: it cannot open issues or pull requests', 'drop --open-issues / --open-prs, or drop --at');
      await (await import('./actions/renewals.ts')).runRenewals(opts, within, io, makePort);
    });
}
