import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { initPlan } from '../init/plan.ts';
import { isTimeZone } from '../util/dates.ts';
import { UserError } from './errors.ts';
import type { Io } from './io.ts';
import { VERSION } from './version.ts';

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface InitOpts {
  name?: string;
  currency: string;
  timezone: string;
  tool?: string;
}

export function registerInit(program: Command, io: Io): void {
  program
    .command('init')
    .description('scaffold a new license repository: org settings, folders, schemas, workflows, README, package.json')
    .argument('[dir]', 'the folder to create it in (default: the current folder)')
    .option('--name <name>', 'the organization\'s name (default: the folder name)')
    .option('--currency <code>', 'ISO 4217 currency of all figures', 'EUR')
    .option('--timezone <zone>', 'IANA time zone of the organization', 'UTC')
    .option('--tool <spec>', `npm spec of lac in the new package.json (default: ^${VERSION})`)
    .action(async (dir: string | undefined, opts: InitOpts) => {
      const target = resolve(io.cwd, dir ?? '.');
      if (!/^[A-Z]{3}$/.test(opts.currency)) throw new UserError(`--currency ${opts.currency} is not an ISO 4217 code`, 'e.g. --currency EUR');
      if (!isTimeZone(opts.timezone)) throw new UserError(`--timezone ${opts.timezone} is not an IANA time zone`, 'e.g. --timezone Europe/Berlin');
      const plan = initPlan({ name: opts.name ?? basename(target), currency: opts.currency, timezone: opts.timezone, toolSpec: opts.tool ?? `^${VERSION}`, packageRoot: PACKAGE_ROOT });
      // Refuse before writing anything: no half-initialized repository, no overwritten file.
      const existing = plan.filter((f) => existsSync(join(target, f.path))).map((f) => f.path);
      if (existing.length > 0) {
        throw new UserError(`${target} already has ${existing.slice(0, 5).join(', ')}${existing.length > 5 ? ` and ${existing.length - 5} more` : ''}; nothing was written`, 'run init in an empty folder, or move those files away first');
      }
      for (const f of plan) {
        await mkdir(dirname(join(target, f.path)), { recursive: true });
        await writeFile(join(target, f.path), f.content, { flag: 'wx' });
      }
      io.out(`created a license repository in ${target} (${plan.length} files)\nnext: cd into it, run \`npm install\`, commit, and add your first license\n`);
    });
}
