import { licensePosition } from '../../analysis/position.ts';
import { resolveToday } from '../../check/run.ts';
import { loadInventory } from '../../inventory/load.ts';
import { formatPosition, type PositionFormat } from '../../report/position.ts';
import { suggestion } from '../../util/suggest.ts';
import { sourceAt } from '../at.ts';
import { UserError } from '../errors.ts';
import type { Io } from '../io.ts';
import { parseToday } from '../options.ts';
import type { PositionOpts } from '../position.ts';

/** `lac position`: computes the position (src/analysis/position.ts) and prints it. */
export async function runPosition(opts: PositionOpts, io: Io): Promise<void> {
  const { source, at } = await sourceAt(opts.root, opts.at, io.cwd);
  const { inventory } = await loadInventory(source);
  if (opts.vendor !== undefined && !inventory.vendors.has(opts.vendor) && ![...inventory.licenses.values()].some((l) => l.data.vendor === opts.vendor)) {
    throw new UserError(`no vendor "${opts.vendor}"${suggestion(opts.vendor, inventory.vendors.keys())}`, 'vendor IDs are the file names in inventory/vendors/');
  }
  const position = licensePosition(inventory, resolveToday(inventory, parseToday(opts.today) ?? at?.day), opts.vendor);
  io.out(formatPosition(position, opts.format as PositionFormat, at ? { commit: at.commit } : {}));
}
