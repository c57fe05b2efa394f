import type { Command } from 'commander';
import type { AssetLicense } from '../import/asset-db.ts';
import type { ExportColumns } from '../import/asset-csv.ts';
import type { ApiContext } from '../import/connect.ts';
import type { Io } from './io.ts';

export interface AssetOpts {
  url?: string;
  csv?: string;
  currency?: string;
  locale: string;
  dryRun?: boolean;
  root?: string;
  today?: string;
}

/** One asset database behind `lac import <name>`: its API reader and the columns of its CSV export, loaded when the command runs. */
export interface AssetSource {
  name: string;
  product: string;
  env: string;
  load: () => Promise<{ api: (url: string, currency: string, ctx: ApiContext) => Promise<AssetLicense[]>; columns: ExportColumns }>;
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
    .action(async (opts: AssetOpts) => (await import('./actions/import-assets.ts')).runAssetImport(source, opts, io, fetchImpl));
}
