import type { Command } from 'commander';
import type { DiscoverySourceImpl } from '../discover/types.ts';
import type { GitHubPort } from '../github/index.ts';
import type { Io } from './io.ts';

export interface DiscoverOpts {
  root?: string;
  source?: string;
  today?: string;
  dryRun?: boolean;
  openIssues?: boolean;
  publish?: boolean;
}

/** `lac discover`; `sources` and `makePort` replace the real discovery sources and GitHub (default: those of src/discover and src/github). */
export function registerDiscover(program: Command, io: Io, sources?: ReadonlyMap<string, DiscoverySourceImpl>, makePort?: () => GitHubPort): void {
  program
    .command('discover')
    .description('find software in use that the inventory does not declare: Okta apps, Google OAuth grants, Entra delegated grants, expensed charges; writes inventory/discovered/<source>.yaml')
    .option('--source <id>', 'read only this discovery source (an id under discovery.sources in org.yaml)')
    .option('--dry-run', 'read the sources and print what would change; write no file and change nothing on GitHub')
    .option('--publish', 'propose the snapshots as one pull request on lac/discover (closed when the default branch already has them)')
    .option('--open-issues', 'open, update and close one GitHub issue per undeclared app (GITHUB_REPOSITORY, GITHUB_TOKEN, GITHUB_API_URL)')
    .option('--today <date>', 'the day of the run (YYYY-MM-DD; default: today in the org time zone)')
    .option('--root <dir>', 'the license repository (default: the current folder)')
    .action(async (opts: DiscoverOpts) => (await import('./actions/discover.ts')).runDiscover(opts, io, sources, makePort));
}
