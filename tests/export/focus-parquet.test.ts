// `lac export focus --format parquet`: the same dataset as the CSV, read back with hyparquet (the
// reader of the library that writes it), with Parquet types that follow the FOCUS 1.2 data types
// of src/export/focus/columns-1.2.json (Decimal, DateTime, JSON, String).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { afterAll, describe, expect, it } from 'vitest';
import { focusDataType } from '../../src/export/focus/parquet.ts';
import { parseAmount } from '../../src/util/money.ts';
import { lac, REPO_ROOT } from '../support/cli.ts';
import { csvDataset } from '../support/focus-check.ts';

const out = mkdtempSync(join(tmpdir(), 'lac-focus-pq-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function both(...args: string[]) {
  const csv = await lac(['export', 'focus', '--root', REPO_ROOT, '--today', '2026-11-23', ...args]);
  expect(csv.code).toBe(0);
  const file = join(out, 'focus.parquet');
  const pq = await lac(['export', 'focus', '--root', REPO_ROOT, '--today', '2026-11-23', ...args, '--format', 'parquet', '--out', file]);
  expect([pq.code, pq.stdout]).toEqual([0, '']);
  const bytes = readFileSync(file);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return { csv: csvDataset(csv.stdout), buffer, rows: await parquetReadObjects({ file: buffer }) };
}

/** A Parquet value as the CSV cell that says the same: decimals exactly, instants as FOCUS writes them. */
function asCell(column: string, v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().replace('.000Z', 'Z');
  if (focusDataType(column) === 'JSON' && typeof v !== 'string') return JSON.stringify(v);
  return String(v);
}

describe('lac export focus --format parquet', () => {
  it('holds the CSV\'s rows, columns and values for a fiscal year of the example', async () => {
    const { csv, rows } = await both('--period', '2026');
    expect(rows.length).toBe(csv.rows.length);
    expect(rows.length).toBeGreaterThan(100);
    expect(Object.keys(rows[0]!)).toEqual(csv.columns);
    for (const [i, row] of rows.entries()) {
      for (const c of csv.columns) {
        const want = csv.rows[i]![c] ?? null;
        const got = asCell(c, row[c]);
        // A decimal comes back as a number: compared as exact micros, so 12.00 and 12 agree and 12.01 and 12 do not.
        if (focusDataType(c) === 'Decimal' && want !== null && got !== null) expect(parseAmount(Number(got).toFixed(6)), `${c} of row ${i}`).toBe(parseAmount(want));
        else expect(got, `${c} of row ${i}`).toBe(want);
      }
    }
  });

  it('types each column as the FOCUS data type says, and names the FOCUS version', async () => {
    const { buffer } = await both('--period', '2026-10');
    const metadata = parquetMetadata(buffer);
    const columns = parquetSchema(metadata).children.map((c) => c.element);
    const byName = new Map(columns.map((e) => [e.name, e]));
    expect(byName.get('BilledCost')).toMatchObject({ type: 'INT64', converted_type: 'DECIMAL', scale: 6, precision: 18, repetition_type: 'OPTIONAL' });
    expect(byName.get('ChargePeriodStart')).toMatchObject({ type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' });
    expect(byName.get('Tags')).toMatchObject({ type: 'BYTE_ARRAY', converted_type: 'JSON' });
    expect(byName.get('ServiceName')).toMatchObject({ type: 'BYTE_ARRAY', converted_type: 'UTF8' });
    expect(byName.get('x_LacReportCost')).toMatchObject({ converted_type: 'DECIMAL' });
    for (const e of columns) {
      const want = { Decimal: 'DECIMAL', DateTime: 'TIMESTAMP_MILLIS', JSON: 'JSON', String: 'UTF8' }[focusDataType(e.name)];
      expect(e.converted_type, e.name).toBe(want);
    }
    expect(metadata.key_value_metadata).toContainEqual({ key: 'FocusVersion', value: '1.2' });
  });

  it('needs --out: a binary file is not printed to the terminal', async () => {
    const r = await lac(['export', 'focus', '--root', REPO_ROOT, '--today', '2026-11-23', '--format', 'parquet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format parquet writes a binary file: give it a name with --out');
    expect(r.stdout).toBe('');
  });
});
