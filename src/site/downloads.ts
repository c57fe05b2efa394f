import { tableCsv } from './csv.ts';
import { renewalsCalendar } from './ics.ts';
import { searchIndex } from './search.ts';
import type { Download, SiteData } from './types.ts';

/** The files under /download/: every table as CSV, the whole data as JSON, the search index, the renewal calendar. */
export function downloads(d: SiteData): Download[] {
  const m = d.model;
  return [
    ...Object.values(d.tables).map((t) => ({ path: `csv/${t.id}.csv`, contentType: 'text/csv; charset=utf-8', body: tableCsv(t) })),
    { path: 'data.json', contentType: 'application/json', body: `${JSON.stringify(m, null, 1)}\n` },
    { path: 'search.json', contentType: 'application/json', body: JSON.stringify(searchIndex(m)) },
    { path: 'renewals.ics', contentType: 'text/calendar; charset=utf-8', body: renewalsCalendar(m.contracts, m.org.name, m.provenance.commitDate ?? m.provenance.builtAt) },
  ];
}
