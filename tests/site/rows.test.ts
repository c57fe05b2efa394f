// Tables whose rows are made when read (src/site/rows.ts), and the CSV written from them a part at a time
// (src/site/csv/table.ts): the same file as from the rows made at once (issue 16).
import { describe, expect, test } from 'vitest';
import { csvColumns } from '../../src/site/csv/kinds.ts';
import { tableCsv, tableCsvChunks } from '../../src/site/csv/table.ts';
import { CHUNK_ROWS, lazyRows, rowChunks, rowCount } from '../../src/site/rows.ts';
import type { CellValue, Table } from '../../src/site/types.ts';

const N = CHUNK_ROWS * 2 + 7;
const items = Array.from({ length: N }, (_, i) => i);
// Every column's kind depends on a cell in the last part: a scan of the first part alone would read them wrong.
const row = (i: number): CellValue[] => {
  const last = i === N - 1;
  return [
    last ? 'not a date' : `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
    last ? { text: 'Ada', id: 'ada', email: 'ada@example.com' } : `name ${i}`,
    i % 2 ? 'yes' : last ? 'maybe' : 'no',
    last ? '12 + unlimited' : String(i),
    `=cmd ${i}`,
  ];
};
const columns = [{ label: 'When' }, { label: 'Who' }, { label: 'Flag' }, { label: 'Count', numeric: true }, { label: 'Note' }];

const lazy = (): Table => lazyRows({ id: 'big', title: 'Big', columns }, items, row);

describe('lazyRows', () => {
  test('rows are made on each reading, equal each time; the count needs none; parts cover them in order', () => {
    let made = 0;
    const t = lazyRows({ id: 'big', title: 'Big', columns }, () => items, (i) => (made++, row(i)));
    expect(rowCount(t)).toBe(N);
    expect(made).toBe(0);
    const a = t.rows;
    expect(made).toBe(N);
    expect(t.rows).toEqual(a);
    expect(t.rows).not.toBe(a);
    const parts = [...rowChunks(t, CHUNK_ROWS)];
    expect(parts.map((p) => p.length)).toEqual([CHUNK_ROWS, CHUNK_ROWS, 7]);
    expect(parts.flat()).toEqual(a);
  });

  test('a table that holds its rows is one part', () => {
    const t: Table = { id: 'small', title: 'Small', columns, rows: items.slice(0, 3).map(row) };
    expect([...rowChunks(t, 2)]).toEqual([t.rows]);
    expect(rowCount(t)).toBe(3);
  });
});

describe('the CSV of a lazy table, written a part at a time', () => {
  test('is byte for byte the CSV of the same rows held at once, kinds read from every part', () => {
    const t = lazy();
    const held: Table = { ...t };
    expect(Object.getOwnPropertyDescriptor(held, 'rows')?.get).toBeUndefined();
    expect(csvColumns(t)).toEqual(csvColumns(held));
    // The last part's cells decide: When is text, Who a person (with _id and _email), Flag text, Count a count.
    expect(csvColumns(t).map((c) => c.header)).toEqual(['When', 'Who', 'Who_id', 'Who_email', 'Flag', 'Count', 'Count_unlimited', 'Note']);
    const chunks = [...tableCsvChunks(t)];
    expect(chunks).toHaveLength(4);
    expect(chunks.join('')).toBe(tableCsv(held));
    expect(tableCsv(held)).toContain("'=cmd 0");
  });

  test("with the last part's odd cells gone the kinds are the ones the cells show", () => {
    const t = lazyRows({ id: 'big', title: 'Big', columns }, items.slice(0, N - 1), row);
    expect(csvColumns(t).map((c) => `${c.header}:${c.type}`)).toEqual(['When:date', 'Who:text', 'Flag:boolean', 'Count:number', 'Note:text']);
  });
});
