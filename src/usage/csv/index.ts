import { ConnectorError, type Connector, type ConnectorContext, type PullResult, type UsageAccount } from '../types.ts';
import { CsvSyntaxError, parseCsv, rowRecord } from '../http/index.ts';
import { finishAccounts } from '../shared/accounts.ts';
import { warnUnknownKeys } from '../shared/config.ts';
import { readExport } from '../import/file.ts';
import { mapRecord, readMapping, RecordError, wantedColumns } from '../import/mapping.ts';

const VENDOR = 'CSV import';
const CONFIG_KEYS = ['path', 'columns', 'date_format', 'tiers', 'status_map', 'never', 'signals', 'delimiter'] as const;

const DELIMITERS: Record<string, string> = { ',': ',', ';': ';', tab: '\t', '\t': '\t', '|': '|' };

function readDelimiter(config: Record<string, unknown>): string {
  const value = config.delimiter ?? ',';
  const delimiter = typeof value === 'string' ? DELIMITERS[value] : undefined;
  if (delimiter === undefined) {
    throw new ConnectorError(`${VENDOR}: usage.config.delimiter ${JSON.stringify(value)} is not one lac reads`, 'Use ",", ";", "|" or "tab".');
  }
  return delimiter;
}

/** The generic import of an admin-console CSV export committed to the repository. */
export function csvConnector(): Connector {
  return {
    id: 'csv',
    env: [],
    async pull(ctx: ConnectorContext): Promise<PullResult> {
      const mapping = { ...readMapping(ctx.config, VENDOR), ...(ctx.timeZone ? { timeZone: ctx.timeZone } : {}) };
      const delimiter = readDelimiter(ctx.config);
      const { text, shown } = await readExport(ctx.config, VENDOR);
      let table;
      try {
        table = parseCsv(text, delimiter);
      } catch (error) {
        if (error instanceof CsvSyntaxError) {
          throw new ConnectorError(`${shown}:${error.line}: ${error.message}`, 'Re-export the file, or close the quote; a field with commas or line breaks must be wrapped in double quotes.');
        }
        throw error;
      }
      const missing = wantedColumns(mapping).filter((c) => !table.header.includes(c));
      if (missing.length > 0) {
        throw new ConnectorError(
          `${shown}:1: no column ${missing.map((c) => `"${c}"`).join(', ')}; the columns found are ${table.header.map((c) => `"${c}"`).join(', ')}`,
          table.header.length === 1 && /[;\t]/.test(table.header[0] ?? '')
            ? 'The header has one column: the file looks separated by semicolons or tabs; set usage.config.delimiter.'
            : 'Fix usage.config.columns (names must match the header row exactly) or re-export with those columns.',
        );
      }
      const accounts: UsageAccount[] = [];
      const warnings: string[] = [];
      warnUnknownKeys(ctx.config, CONFIG_KEYS, VENDOR, warnings);
      for (const row of table.rows) {
        // Short rows (trailing empty cells left out) are fine; extra non-empty cells mean a bad split.
        if (row.cells.slice(table.header.length).some((c) => c.trim() !== '')) {
          throw new ConnectorError(
            `${shown}:${row.line}: ${row.cells.length} cells, but the header has ${table.header.length}`,
            'A value with a comma must be wrapped in double quotes; check this line for an unquoted comma.',
          );
        }
        const record = rowRecord(table.header, row);
        try {
          const account = mapRecord((c) => record[c], mapping);
          if (account) accounts.push(account);
        } catch (error) {
          if (error instanceof RecordError) throw new ConnectorError(`${shown}:${row.line}: ${error.message}`);
          throw error;
        }
      }
      ctx.progress?.(accounts.length);
      if (accounts.length === 0) warnings.push(`${VENDOR}: ${shown} has no accounts`);
      return { accounts: finishAccounts(accounts, warnings, `${VENDOR} ${shown}`), warnings };
    },
  };
}
