import { toCsv } from '../report/csv.ts';
import { searchIndex } from './search.ts';
import type { CellValue, Download, SiteData, Table } from './types.ts';

const text = (c: CellValue) => (typeof c === 'string' ? c : c.text);

/** A table as CSV (src/report/csv.ts: formula cells neutralised), with the cells exactly as the page shows them. */
export const tableCsv = (t: Table): string => toCsv(t.columns.map((c) => c.label), t.rows.map((r) => r.map(text)));

/** The files under /download/: every table as CSV, the whole data as JSON, the search index, the renewal calendar. */
export function downloads(d: SiteData): Download[] {
  return [
    ...Object.values(d.tables).map((t) => ({ path: `csv/${t.id}.csv`, contentType: 'text/csv; charset=utf-8', body: tableCsv(t) })),
    { path: 'data.json', contentType: 'application/json', body: `${JSON.stringify(d.model, null, 1)}\n` },
    { path: 'search.json', contentType: 'application/json', body: JSON.stringify(searchIndex(d.model)) },
    { path: 'renewals.ics', contentType: 'text/calendar; charset=utf-8', body: d.ics },
  ];
}
