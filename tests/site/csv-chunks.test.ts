// A large table's CSV is written in chunks, and most cells take a fast path: the same bytes as the whole text and the full rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/report/csv.ts';
import { BOM, tableCsv, tableCsvChunks } from '../../src/site/csv/table.ts';
import type { Table } from '../../src/site/types.ts';

/** The rules of csvCell written out in full (RFC 4180 quoting; OWASP CSV injection: formula-like text gets an apostrophe). */
function fullRules(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  const numeric = /^-?\d+(\.\d+)?$/.test(text);
  const safe = !numeric && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

describe('CSV cells and chunks', () => {
  it('quotes and neutralises cells as the full rules do, for any text or number', () => {
    const tricky = fc.constantFrom('=1+2', '-5', '-x', '+1', '@a', '\tx', '\rx', 'a"b', 'a,b', 'a\nb', '1.5', '-1.5', '', 'plain');
    fc.assert(fc.property(fc.oneof(fc.string(), tricky, fc.double(), fc.integer(), fc.constant(null), fc.constant(undefined)), (v) => {
      expect(csvCell(v)).toBe(fullRules(v));
    }), { numRuns: 2000 });
    expect(toCsv(['a', 'b'], [['=x', 1], ['y,z', null]])).toBe('a,b\r\n\'=x,1\r\n"y,z",\r\n');
  });

  it('writes a table of many rows in chunks that join to the whole CSV', () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => [`person ${i}, "quoted"`, { text: `=${i}` }, i % 7 === 0 ? '2026-01-02' : '2026-12-31']);
    const t: Table = { id: 'big', title: 'Big', columns: [{ label: 'Name' }, { label: 'Formula' }, { label: 'Since' }], rows };
    const chunks = [...tableCsvChunks(t)];
    expect(chunks.length).toBeGreaterThan(1);
    const whole = tableCsv(t);
    expect(chunks.join('')).toBe(whole);
    expect(whole.startsWith(`${BOM}Name,Formula,Since\r\n"person 0, ""quoted""",'=0,2026-01-02\r\n`)).toBe(true);
    expect(whole.split('\r\n')).toHaveLength(40_002);
  });
});
