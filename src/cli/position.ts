import type { Command } from 'commander';
import { licensePosition } from '../analysis/position.ts';
import { resolveToday } from '../check/run.ts';
import { loadInventory } from '../inventory/load.ts';
import { formatPosition, POSITION_FORMATS, type PositionFormat } from '../report/position.ts';
import { suggestion } from '../util/suggest.ts';
import { AT_HELP, sourceAt } from './at.ts';
import { UserError } from './errors.ts';
import type { Io } from './io.ts';
import { parseToday } from './options.ts';

interface PositionOpts {
  root?: string;
  vendor?: string;
  at?: string;
  today?: string;
  format: string;
}

/** `lac position`: parses options, computes the position (src/analysis/position.ts) and prints it. */
export function registerPosition(program: Command, io: Io): void {
  program
    .command('position')
    .description('the effective license position per product and tier: entitlement and the contracts behind it, seats, vendor accounts, peak use, surplus or shortfall and its true-up cost')
    .option('--vendor <id>', 'only this vendor\'s licenses')
    .option('--at <date|revision>', AT_HELP)
    .option('--today <date>', 'the date of the position (default: the --at date, else today in the org time zone)')
    .option('--format <format>', `output format: ${POSITION_FORMATS.join(', ')}`, 'text')
    .option('--root <dir>', 'the license repository (default: the current folder)')
    .action(async (opts: PositionOpts) => {
      if (!(POSITION_FORMATS as readonly string[]).includes(opts.format)) throw new UserError(`--format ${opts.format} is not one of ${POSITION_FORMATS.join(', ')}`, 'e.g. --format csv');
      const { source, at } = await sourceAt(opts.root, opts.at, io.cwd);
      const { inventory } = await loadInventory(source);
      if (opts.vendor !== undefined && !inventory.vendors.has(opts.vendor) && ![...inventory.licenses.values()].some((l) => l.data.vendor === opts.vendor)) {
        throw new UserError(`no vendor "${opts.vendor}"${suggestion(opts.vendor, inventory.vendors.keys())}`, 'vendor IDs are the file names in inventory/vendors/');
      }
      const position = licensePosition(inventory, resolveToday(inventory, parseToday(opts.today) ?? at?.day), opts.vendor);
      io.out(formatPosition(position, opts.format as PositionFormat, at ? { commit: at.commit } : {}));
    });
}
