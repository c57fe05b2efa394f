import type { Command } from 'commander';
import { vendorPath } from '../init/vendor-path.ts';
import type { Io } from './io.ts';
import { VERSION } from './version.ts';

export interface InitOpts {
  name?: string;
  currency: string;
  timezone: string;
  tool?: string;
  git: boolean;
}

export function registerInit(program: Command, io: Io): void {
  program
    .command('init')
    .description('scaffold a new license repository: org settings, folders, schemas, workflows, README, package.json, git')
    .argument('[dir]', 'the folder to create it in (default: the current folder)')
    .option('--name <name>', "the organization's name (default: the folder name)")
    .option('--currency <code>', 'ISO 4217 currency of all figures', 'EUR')
    .option('--timezone <zone>', 'IANA time zone of the organization', 'UTC')
    .option('--tool <spec>', `lac's version spec in the new package.json, e.g. ^${VERSION} once it is on your npm registry (default: this lac, packed into ${vendorPath(VERSION)})`)
    .option('--no-git', 'do not run `git init -b main` (by default it runs where the folder is not in a git repository yet)')
    .action(async (dir: string | undefined, opts: InitOpts) => (await import('./actions/init.ts')).runInit(dir, opts, io));
}
