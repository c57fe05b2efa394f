import { CsvSyntaxError, parseCsv, rowRecord } from '../../../usage/http/index.ts';
import { DATE_FORMATS, parseExportDate, type DateFormat } from '../../../usage/import/dates.ts';
import { decode, MAX_EXPORT_BYTES } from '../../../usage/import/file.ts';
import { optionalString, requiredString, warnUnknownKeys } from '../../../usage/shared/config.ts';
import { ConnectorError } from '../../../usage/types.ts';
import { readRegularFile, ReadRefused, staysInside } from '../../../util/fs/read-bounded.ts';
import type { DiscoveryContext, DiscoveryResult, DiscoverySourceImpl } from '../../types.ts';
import { EXPENSE_PRESETS, type ExpenseColumns } from './presets.ts';
import { aggregateCharges, type Charge } from './aggregate.ts';
import { parseExpenseAmount, cleanMerchant } from './amount.ts';

const VENDOR = 'Expenses';
const KEYS = ['path', 'preset', 'columns', 'date_format', 'decimal', 'delimiter', 'currency'] as const;

/** The column names: the preset's, overridden key by key by `config.columns`. */
function columnsOf(config: Record<string, unknown>): { columns: ExpenseColumns; dateFormat: DateFormat } {
  const presetName = optionalString(config, 'preset', VENDOR) ?? 'custom';
  const preset = EXPENSE_PRESETS[presetName];
  if (!preset && presetName !== 'custom') {
    throw new ConnectorError(`${VENDOR}: preset "${presetName}" is not one lac knows`, `use one of ${[...Object.keys(EXPENSE_PRESETS), 'custom'].join(', ')}`);
  }
  const given = typeof config.columns === 'object' && config.columns !== null ? (config.columns as Record<string, unknown>) : {};
  const columns = { ...preset?.columns } as Partial<ExpenseColumns>;
  for (const key of ['merchant', 'amount', 'currency', 'date', 'employee'] as const) if (typeof given[key] === 'string') columns[key] = given[key] as string;
  const missing = (['merchant', 'amount', 'date', 'employee'] as const).filter((k) => columns[k] === undefined);
  if (missing.length > 0) throw new ConnectorError(`${VENDOR}: config.columns has no ${missing.join(', ')}`, 'name the export\'s column for each, or pick a preset (expensify, concur, ramp, brex)');
  const dateFormat = (optionalString(config, 'date_format', VENDOR) ?? preset?.dateFormat ?? 'iso') as DateFormat;
  if (!DATE_FORMATS.includes(dateFormat)) throw new ConnectorError(`${VENDOR}: date_format "${dateFormat}" is not one of ${DATE_FORMATS.join(', ')}`);
  return { columns: columns as ExpenseColumns, dateFormat };
}

async function readFile(root: string, path: string): Promise<string> {
  if (!staysInside(path)) throw new ConnectorError(`${VENDOR}: config.path ${JSON.stringify(path)} leads outside the repository`, 'commit the export inside the repository and write its path relative to the root');
  try {
    return decode(Buffer.from(await readRegularFile(root, path, MAX_EXPORT_BYTES)));
  } catch (error) {
    if (error instanceof ReadRefused) throw new ConnectorError(`${VENDOR}: cannot read ${path}: ${error.message}`, error.hint);
    throw error;
  }
}

/**
 * An expense or card export (CSV) committed to the repository: one row per charge with merchant,
 * amount, currency, date and employee. Amounts are converted into the org currency; a cell that
 * cannot be read stops the run with the file and line named.
 */
export function expensesDiscovery(): DiscoverySourceImpl {
  return {
    kind: 'expenses',
    async pull(ctx: DiscoveryContext): Promise<DiscoveryResult> {
      const warnings: string[] = [];
      warnUnknownKeys(ctx.config, KEYS, VENDOR, warnings);
      const path = requiredString(ctx.config, 'path', VENDOR, 'exports/cards.csv');
      const { columns, dateFormat } = columnsOf(ctx.config);
      const decimal = optionalString(ctx.config, 'decimal', VENDOR) === ',' ? ',' : '.';
      const delimiter = ({ ';': ';', tab: '\t', '|': '|' } as Record<string, string>)[optionalString(ctx.config, 'delimiter', VENDOR) ?? ''] ?? ',';
      const fallbackCurrency = optionalString(ctx.config, 'currency', VENDOR) ?? ctx.currency;
      let table;
      try {
        table = parseCsv(await readFile(ctx.root, path), delimiter);
      } catch (error) {
        if (error instanceof CsvSyntaxError) throw new ConnectorError(`${path}:${error.line}: ${error.message}`);
        throw error;
      }
      const wanted = [columns.merchant, columns.amount, columns.date, columns.employee, ...(columns.currency ? [columns.currency] : [])];
      const absent = wanted.filter((c) => !table.header.includes(c));
      if (absent.length > 0) {
        throw new ConnectorError(`${path}:1: no column ${absent.map((c) => `"${c}"`).join(', ')}; the columns found are ${table.header.map((c) => `"${c}"`).join(', ')}`, 'fix config.columns or config.preset');
      }
      const charges: Charge[] = [];
      for (const row of table.rows) {
        const r = rowRecord(table.header, row);
        const merchant = cleanMerchant(r[columns.merchant] ?? '');
        if (merchant === '' && (r[columns.amount] ?? '').trim() === '') continue;
        const at = (what: string, cell: string | undefined) => new ConnectorError(`${path}:${row.line}: ${what} ${JSON.stringify(cell ?? '')} in column "${columns[what as keyof ExpenseColumns] ?? what}" cannot be read`, `check the row; dates are read as ${dateFormat}, amounts with "${decimal}" as the decimal mark (config.decimal)`);
        if (merchant === '') throw at('merchant', r[columns.merchant]);
        const amount = parseExpenseAmount(r[columns.amount] ?? '', decimal);
        if (amount === undefined) throw at('amount', r[columns.amount]);
        const date = parseExportDate(r[columns.date] ?? '', dateFormat, ctx.timeZone);
        if (!date) throw at('date', r[columns.date]);
        const currency = ((columns.currency ? r[columns.currency] : undefined) ?? '').trim().toUpperCase() || fallbackCurrency;
        if (currency !== ctx.currency && ctx.rates[currency] === undefined) {
          throw new ConnectorError(`${path}:${row.line}: no exchange rate for ${currency} in org.yaml`, `add exchange_rates: { ${currency}: "..." } to org.yaml`);
        }
        charges.push({ merchant, amount, currency, date, employee: (r[columns.employee] ?? '').trim().toLowerCase() });
      }
      return { apps: aggregateCharges(charges, ctx.today, ctx.currency, ctx.rates), warnings };
    },
  };
}
