import { ConnectorError } from '../../usage/types.ts';
import { CsvSyntaxError, parseCsv, rowRecord } from '../../usage/http/index.ts';
import { optionalString, stringMap, warnUnknownKeys } from '../../usage/shared/config.ts';
import { readExport } from '../../usage/import/file.ts';
import { DATE_FORMATS, parseExportDate, type DateFormat } from '../../usage/import/dates.ts';
import { fullName, makeEntry } from '../entry.ts';
import type { DirectoryContext, DirectoryEntry, DirectoryResult, DirectorySourceImpl } from '../types.ts';
import { HR_FIELDS, HR_PRESETS, type HrColumns, type HrField } from './presets.ts';

const VENDOR = 'HR export';
const KEYS = ['path', 'preset', 'columns', 'date_format', 'delimiter', 'status_map', 'departments'];
const STATUSES = new Set(['active', 'on-leave', 'leaver']);

/** The preset's columns with `columns` on top; the ID and the email are required. */
export function hrColumns(config: Record<string, unknown>): HrColumns {
  const preset = optionalString(config, 'preset', VENDOR);
  if (preset !== undefined && !HR_PRESETS[preset]) {
    throw new ConnectorError(`${VENDOR}: directory.config.preset "${preset}" is not known`, `Use one of ${Object.keys(HR_PRESETS).join(', ')}, or map the columns yourself with \`columns\`.`);
  }
  const columns: HrColumns = { ...(preset ? HR_PRESETS[preset] : {}) };
  for (const [field, column] of stringMap(config, 'columns', VENDOR)) {
    if (!(HR_FIELDS as readonly string[]).includes(field)) throw new ConnectorError(`${VENDOR}: directory.config.columns.${field} is not a field lac reads`, `The fields are ${HR_FIELDS.join(', ')}.`);
    columns[field as HrField] = column;
  }
  if (!columns.directory_id || !columns.email) {
    throw new ConnectorError(`${VENDOR}: the column mapping needs directory_id and email`, 'Set directory.config.preset, or directory.config.columns: { directory_id: "Employee ID", email: "Work Email", ... }.');
  }
  return columns;
}

function dateFormat(config: Record<string, unknown>): DateFormat {
  const value = optionalString(config, 'date_format', VENDOR) ?? 'iso';
  if (!(DATE_FORMATS as readonly string[]).includes(value)) throw new ConnectorError(`${VENDOR}: directory.config.date_format must be one of ${DATE_FORMATS.join(', ')}`);
  return value as DateFormat;
}

/** An HR system's employee export (CSV) committed to the repository, read through a column mapping or a preset. */
export function hrCsvDirectory(): DirectorySourceImpl {
  return {
    id: 'hr-csv',
    env: [],
    async pull(ctx: DirectoryContext): Promise<DirectoryResult> {
      const columns = hrColumns(ctx.config);
      const format = dateFormat(ctx.config);
      const statusMap = stringMap(ctx.config, 'status_map', VENDOR);
      const delimiter = optionalString(ctx.config, 'delimiter', VENDOR) === 'tab' ? '\t' : (optionalString(ctx.config, 'delimiter', VENDOR) ?? ',');
      const warnings: string[] = [];
      warnUnknownKeys(ctx.config, KEYS, VENDOR, warnings);
      const { text, shown } = await readExport(ctx.config, VENDOR);
      let table;
      try {
        table = parseCsv(text, delimiter);
      } catch (error) {
        if (error instanceof CsvSyntaxError) throw new ConnectorError(`${shown}:${error.line}: ${error.message}`, 'Re-export the file; a field with commas must be wrapped in double quotes.');
        throw error;
      }
      const missing = Object.values(columns).filter((c) => !table.header.includes(c));
      if (missing.length > 0) {
        throw new ConnectorError(`${shown}:1: no column ${missing.map((c) => `"${c}"`).join(', ')}; the columns found are ${table.header.map((c) => `"${c}"`).join(', ')}`, 'Fix directory.config.columns or the preset, or re-export with those columns.');
      }
      const entries: DirectoryEntry[] = [];
      for (const row of table.rows) {
        const record = rowRecord(table.header, row);
        const cell = (field: HrField) => (columns[field] ? record[columns[field]!]?.trim() || undefined : undefined);
        const date = (field: HrField) => {
          const value = cell(field);
          if (value === undefined) return undefined;
          const day = parseExportDate(value, format);
          if (!day) throw new ConnectorError(`${shown}:${row.line}: ${columns[field]} "${value}" is not a date in the ${format} format`, 'Set directory.config.date_format to the export\'s format.');
          return day;
        };
        const end = date('end');
        const raw = cell('status');
        const mapped = raw === undefined ? undefined : (statusMap.get(raw) ?? raw.toLowerCase());
        const status = mapped && STATUSES.has(mapped) ? (mapped as DirectoryEntry['status']) : end !== undefined && end <= ctx.today ? 'leaver' : mapped === 'inactive' || mapped === 'terminated' ? 'leaver' : 'active';
        const entry = makeEntry({
          directoryId: cell('directory_id'),
          email: cell('email'),
          name: cell('name') ?? fullName(cell('first_name'), cell('last_name')),
          department: cell('department'),
          title: cell('title'),
          costCentre: cell('cost_centre'),
          location: cell('location'),
          employmentType: cell('employment_type'),
          manager: cell('manager'),
          status,
          knowsLeave: raw !== undefined,
          start: date('start'),
          end,
          where: `${shown}:${row.line}`,
        });
        if (entry) entries.push(entry);
        else warnings.push(`${shown}:${row.line}: skipped: no ${columns.directory_id} or no email in ${columns.email}`);
      }
      return { entries, warnings };
    },
  };
}
