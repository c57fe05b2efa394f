import { resolve } from 'node:path';
import { resolveToday } from '../../check/run.ts';
import { assetBatch, type AssetLicense } from '../../import/asset-db.ts';
import { exportLicenses } from '../../import/asset-csv.ts';
import { mergeBatches } from '../../import/run.ts';
import { loadGrid } from '../../import/sheet/load.ts';
import { emptyBatch } from '../../import/types.ts';
import { loadInventory } from '../../inventory/load.ts';
import { fsSource } from '../../inventory/source.ts';
import { ConnectorError } from '../../usage/types.ts';
import { UserError } from '../errors.ts';
import type { AssetOpts, AssetSource } from '../import-assets.ts';
import type { Io } from '../io.ts';
import { parseRoot, parseToday } from '../options.ts';
import { finishImport, userErrors } from './import.ts';

/** `lac import <source>` for an asset database: its licenses from the REST API (--url) or a CSV export (--csv), imported. */
export function runAssetImport(source: AssetSource, opts: AssetOpts, io: Io, fetchImpl: typeof globalThis.fetch): Promise<void> {
  return userErrors(async () => {
    if ((opts.url === undefined) === (opts.csv === undefined)) throw new UserError(`lac import ${source.name} reads either the API (--url) or an export (--csv)`, `e.g. lac import ${source.name} --url https://assets.example.com`);
    const root = parseRoot(opts.root, io.cwd);
    const { inventory } = await loadInventory(fsSource(root));
    const today = resolveToday(inventory, parseToday(opts.today ?? io.env.LAC_TODAY));
    const currency = opts.currency ?? inventory.org?.data.currency;
    if (currency === undefined || !/^[A-Z]{3}$/.test(currency)) throw new UserError('the currency of purchase costs is unknown', 'pass --currency EUR (an ISO 4217 code), or set currency in inventory/org.yaml');
    const skipped = emptyBatch().skipped;
    const { api, columns } = await source.load();
    let licenses: AssetLicense[];
    try {
      licenses = opts.url !== undefined
        ? await api(opts.url, currency, { env: io.env, fetch: fetchImpl })
        : exportLicenses(await loadGrid(resolve(io.cwd, opts.csv!)), columns, opts.locale, currency, skipped);
    } catch (e) {
      if (e instanceof ConnectorError) throw new UserError(e.message, e.hint);
      throw e;
    }
    const batch = mergeBatches([assetBatch(licenses, today), { ...emptyBatch(), skipped }]);
    await finishImport(io, root, batch, opts.dryRun ?? false, [`${source.product}: ${licenses.length} license(s) read; costs in ${currency}`]);
  });
}
