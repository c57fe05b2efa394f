import { ConnectorError, type Connector, type ConnectorContext, type PullResult, type UsageAccount } from '../types.ts';
import { finishAccounts } from '../shared/accounts.ts';
import { optionalString, warnUnknownKeys } from '../shared/config.ts';
import { isRecord } from '../shared/values.ts';
import { readExport } from '../import/file.ts';
import { mapRecord, readMapping, RecordError, wantedColumns } from '../import/mapping.ts';
import { recordLines } from './positions.ts';

const VENDOR = 'JSON import';
const CONFIG_KEYS = ['path', 'columns', 'records', 'date_format', 'tiers', 'status_map', 'never', 'signals'] as const;

/** Reads a dotted path ("profile.email") from an object; undefined when any step is missing. */
export function pick(value: unknown, dotted: string): unknown {
  if (isRecord(value) && dotted in value) return value[dotted];
  let current: unknown = value;
  for (const step of dotted.split('.')) {
    if (!isRecord(current)) return undefined;
    current = current[step];
  }
  return current;
}

/**
 * The generic import of a JSON export: an array of records at the root or at
 * `usage.config.records` (a dotted path such as "data.users"); `columns` name dotted fields.
 */
export function jsonConnector(): Connector {
  return {
    id: 'json',
    env: [],
    async pull(ctx: ConnectorContext): Promise<PullResult> {
      const mapping = { ...readMapping(ctx.config, VENDOR), ...(ctx.timeZone ? { timeZone: ctx.timeZone } : {}) };
      const recordsPath = optionalString(ctx.config, 'records', VENDOR);
      const { text, shown } = await readExport(ctx.config, VENDOR);
      let document: unknown;
      try {
        document = JSON.parse(text);
      } catch (error) {
        const position = /position (\d+)/.exec(String((error as Error).message))?.[1];
        const line = position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
        throw new ConnectorError(`${shown}${line === undefined ? '' : `:${line}`}: not valid JSON`, 'Re-export the file; it may be cut short.');
      }
      const records = recordsPath === undefined ? document : pick(document, recordsPath);
      if (!Array.isArray(records)) {
        const keys = isRecord(document) ? Object.keys(document).map((k) => `"${k}"`).join(', ') : '';
        throw new ConnectorError(
          `${shown}: ${recordsPath === undefined ? 'the document' : `"${recordsPath}"`} is not an array of records`,
          keys ? `Set usage.config.records to the path of the array; the top-level keys are ${keys}.` : 'Point usage.config.records at the array of records.',
        );
      }
      const first = records.find(isRecord);
      if (first !== undefined) {
        const missing = wantedColumns(mapping).filter((c) => records.every((r) => pick(r, c) === undefined));
        if (missing.length > 0) {
          throw new ConnectorError(
            `${shown}: no record has the field ${missing.map((c) => `"${c}"`).join(', ')}; the fields found are ${Object.keys(first).map((k) => `"${k}"`).join(', ')}`,
            'Fix usage.config.columns (dotted paths such as "profile.email" reach nested fields).',
          );
        }
      }
      const accounts: UsageAccount[] = [];
      const warnings: string[] = [];
      warnUnknownKeys(ctx.config, CONFIG_KEYS, VENDOR, warnings);
      let lines: number[] | undefined;
      records.forEach((record, index) => {
        const where = () => {
          lines ??= recordLines(text, recordsPath === undefined ? [] : recordsPath.split('.'));
          const line = lines[index];
          return `${shown}${line === undefined ? '' : `:${line}`}: record ${recordsPath ?? ''}[${index}]`;
        };
        if (!isRecord(record)) throw new ConnectorError(`${where()}: not an object`);
        try {
          const account = mapRecord((c) => pick(record, c), mapping);
          if (account) accounts.push(account);
        } catch (error) {
          if (error instanceof RecordError) throw new ConnectorError(`${where()}: ${error.message}`);
          throw error;
        }
      });
      ctx.progress?.(accounts.length);
      if (accounts.length === 0) warnings.push(`${VENDOR}: ${shown} has no accounts`);
      return { accounts: finishAccounts(accounts, warnings, `${VENDOR} ${shown}`), warnings };
    },
  };
}
