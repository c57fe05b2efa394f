import type { Command } from 'commander';
import { resolve } from 'node:path';
import { resolveToday } from '../check/run.ts';
import { assetBatch, type AssetLicense } from '../import/asset-db.ts';
import { exportLicenses, type ExportColumns } from '../import/asset-csv.ts';
import type { ApiContext } from '../import/connect.ts';
import { mergeBatches } from '../import/run.ts';
import { loadGrid } from '../import/sheet/load.ts';
import { emptyBatch } from '../import/types.ts';
import { loadInventory } from '../inventory/load.ts';
import { fsSource } from '../inventory/source.ts';
import { ConnectorError } from '../usage/types.ts';
import { UserError } from './errors.ts';
import { finishImport, userErrors } from './import.ts';
import type { Io } from './io.ts';
import { parseRoot, parseToday } from './options.ts';

interface AssetOpts {
  url?: string;
  csv?: string;
  currency?: string;
  locale: string;
  dryRun?: boolean;
  root?: string;
  today?: string;
}

/** One asset database behind `lac import <name>`: its API reader and the columns of its CSV export. */
export interface AssetSource {
  name: string;
  product: string;
  env: string;
  api: (url: string, currency: string, ctx: ApiContext) => Promise<AssetLicense[]>;
  columns: ExportColumns;
}

/** Registers `lac import <source>` for an asset database: --url reads its REST API, --csv its license export. */
export function registerAssetImport(group: Command, io: Io, source: AssetSource, fetchImpl: typeof globalThis.fetch = globalThis.fetch): void {
  group
    .command(source.name)
    .description(`import licenses, seats and their holders from ${source.product}: its REST API (--url, token in ${source.env}) or its license list exported as CSV (--csv)`)
    .option('--url <url>', `the ${source.product} address (https; plain http only to this machine)`)
    .option('--csv <file>', `a license list exported from ${source.product} as CSV, instead of the API`)
    .option('--currency <code>', 'the currency of purchase costs (default: the org currency in org.yaml)')
    .option('--locale <tag>', 'how the CSV export writes amounts and dates', 'en-US')
    .option('--dry-run', 'print the plan and write nothing')
    .option('--root <dir>', 'the license repository (default: the current folder)')
    .option('--today <date>', 'the `since` of imported seats (default: today in the org time zone)')
    .action((opts: AssetOpts) =>
      userErrors(async () => {
        if ((opts.url === undefined) === (opts.csv === undefined)) throw new UserError(`lac import ${source.name} reads either the API (--url) or an export (--csv)`, `e.g. lac import ${source.name} --url https://assets.example.com`);
        const root = parseRoot(opts.root, io.cwd);
        const { inventory } = await loadInventory(fsSource(root));
        const today = resolveToday(inventory, parseToday(opts.today ?? io.env.LAC_TODAY));
        const currency = opts.currency ?? inventory.org?.data.currency;
        if (currency === undefined || !/^[A-Z]{3}$/.test(currency)) throw new UserError('the currency of purchase costs is unknown', 'pass --currency EUR (an ISO 4217 code), or set currency in inventory/org.yaml');
        const skipped = emptyBatch().skipped;
        let licenses: AssetLicense[];
        try {
          licenses = opts.url !== undefined
            ? await source.api(opts.url, currency, { env: io.env, fetch: fetchImpl })
            : exportLicenses(await loadGrid(resolve(io.cwd, opts.csv!)), source.columns, opts.locale, currency, skipped);
        } catch (e) {
          if (e instanceof ConnectorError) throw new UserError(e.message, e.hint);
          throw e;
        }
        const batch = mergeBatches([assetBatch(licenses, today), { ...emptyBatch(), skipped }]);
        await finishImport(io, root, batch, opts.dryRun ?? false, [`${source.product}: ${licenses.length} license(s) read; costs in ${currency}`]);
      }),
    );
}
