// The FOCUS dataset as Apache Parquet, written by hyparquet-writer (pure JavaScript, no native
// build). Column types follow the specification's data types (columns-1.2.json):
// - Decimal: DECIMAL(18, 6) stored as INT64, from the exact decimal text through bigint micros,
//   so no amount passes through a float;
// - DateTime: TIMESTAMP (milliseconds, UTC);
// - JSON: a UTF-8 string marked JSON; String: a UTF-8 string.
// Every column is OPTIONAL: a null is a null, as an empty CSV cell is.
import { ByteWriter, parquetWrite } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet';
import { parseAmount } from '../../util/money.ts';
import rules from './columns-1.2.json' with { type: 'json' };
import { FOCUS_COLUMNS, type Cell, type FocusRow } from './rows.ts';

type DataType = 'Decimal' | 'DateTime' | 'JSON' | 'String';

/** lac's own columns that hold amounts; the others are text (a line number, an ID, "unlimited" seats). */
const CUSTOM_DECIMALS = new Set(['x_LacUnitPrice', 'x_LacReportCost']);
const specType = new Map(rules.columns.map((c) => [c.name, c.dataType as DataType]));

/** The FOCUS data type of a column that lac writes. */
export function focusDataType(column: string): DataType {
  if (column.startsWith(rules.customColumns.prefix)) return CUSTOM_DECIMALS.has(column) ? 'Decimal' : 'String';
  return specType.get(column) ?? 'String';
}

function element(name: string, type: DataType): SchemaElement {
  const optional = { name, repetition_type: 'OPTIONAL' } as const;
  if (type === 'Decimal') return { ...optional, type: 'INT64', converted_type: 'DECIMAL', scale: 6, precision: 18 };
  if (type === 'DateTime') return { ...optional, type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' };
  if (type === 'JSON') return { ...optional, type: 'BYTE_ARRAY', converted_type: 'JSON' };
  return { ...optional, type: 'BYTE_ARRAY', converted_type: 'UTF8' };
}

function value(cell: Cell, type: DataType): string | bigint | Date | null {
  if (cell === null) return null;
  if (type === 'Decimal') return parseAmount(cell);
  if (type === 'DateTime') return new Date(cell);
  return cell;
}

/** The rows as one Parquet file, columns in the CSV's order, with the FOCUS version in its key-value metadata. */
export function focusParquet(rows: readonly FocusRow[]): Uint8Array {
  const types = FOCUS_COLUMNS.map((c) => focusDataType(c));
  const writer = new ByteWriter();
  parquetWrite({
    writer,
    schema: [{ name: 'root', num_children: FOCUS_COLUMNS.length }, ...FOCUS_COLUMNS.map((c, i) => element(c, types[i]!))],
    columnData: FOCUS_COLUMNS.map((c, i) => ({ name: c, data: rows.map((r) => value(r[c] ?? null, types[i]!)) })),
    kvMetadata: [{ key: 'FocusVersion', value: '1.2' }],
    createdBy: 'lac',
  });
  return new Uint8Array(writer.getBuffer());
}
