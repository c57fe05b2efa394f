// The downloads page (issue 15): how every CSV is written, and each file's columns with their type and meaning,
// generated from the same column definitions the CSVs are written from, so that the two cannot drift.
import { forecastCsv } from '../../report/forecast/format.ts';
import { formatPositionCsv } from '../../report/position.ts';
import { csvColumns, type CsvColumn } from '../csv/kinds.ts';
import { familyNamer } from '../csv/families.ts';
import { bareLabel, GLOSSARY } from '../csv/glossary.ts';
import { routes } from '../routes.ts';
import { rowCount } from '../rows.ts';
import type { CellValue, Page, Table } from '../types.ts';
import { WHOLE_TRAIL_TABLE } from './audit-months.ts';
import type { Ctx } from './context.ts';

export const UNDOCUMENTED = '(not documented)';
export const COLUMNS_TABLE = 'download-columns';

const ENCODING = 'Every CSV here is UTF-8 with a byte order mark (so that Excel reads names with accents right; other tools skip the mark), ' +
  'comma-separated with CRLF line ends and RFC 4180 quoting, one header row. Dates are ISO (YYYY-MM-DD); numbers are plain, with a dot ' +
  'for decimals and no thousands separator; percentages are numbers from 0 to 100; amounts are exact decimals, in the currency the Currency ' +
  'column (or the header) names. A count that can be unlimited is empty with its <column>_unlimited column true; true/false columns hold ' +
  'true or false. Beside each name of a person, license, contract, vendor or department is its ID (<column>_id), and beside a person their ' +
  'email (<column>_email), to join on. A text cell that a spreadsheet would run as a formula (starting with = + - @, a tab or CR) gets a ' +
  'leading apostrophe; numbers are left as they are. The page shows the same figures as text ("28 + unlimited", "45%").';

/** The type of a CSV column, as the page states it. */
function typeText(c: CsvColumn): string {
  if (c.type === 'number') return c.kind === 'percent' ? 'number (percent, 0–100)' : c.kind === 'money' ? `number (amount${c.currency ? ` in ${c.currency}` : ''})` : 'number';
  return ({ date: 'date (YYYY-MM-DD)', boolean: 'true/false', id: 'ID', email: 'email', currency: 'ISO 4217 currency code', text: 'text' } as Record<string, string>)[c.type]!;
}

/** What a CSV column holds: its page column's meaning, or what its role adds. */
export function meaningOf(c: CsvColumn): string {
  const label = c.source.label;
  const own = c.source.doc ?? GLOSSARY[bareLabel(label)];
  switch (c.role) {
    case 'unlimited': return `true when ${label} is unlimited (${label} is then empty, or the sum of the tiers that are not)`;
    case 'id': return label === 'Commit' ? 'the full commit hash' : `the ID of the ${label.toLowerCase()} (as in the inventory files)`;
    case 'email': return `the email address of the ${label.toLowerCase()} (people.yaml)`;
    case 'currency': return c.header === 'Currency' ? 'the ISO 4217 currency of the amount columns' : `the ISO 4217 currency of ${label}`;
    case 'start': return `the first day of ${label.toLowerCase()}`;
    case 'end': return `the last day of ${label.toLowerCase()}`;
    default: return own ?? UNDOCUMENTED;
  }
}

/** The downloads page; built after every other page, so that it documents every table. */
export function downloadsPage(ctx: Ctx): Page {
  const family = familyNamer(ctx.m);
  const groups = new Map<string, Table[]>();
  // A view of a shared CSV has no file of its own: the shared table documents the columns.
  for (const t of Object.values(ctx.tables)) {
    if (t.csv !== undefined) continue;
    const f = family(t.id);
    const group = groups.get(f);
    if (group) group.push(t);
    else groups.set(f, [t]);
  }
  const rows: CellValue[][] = [];
  const document = (file: CellValue, files: number, cols: Array<{ header: string; type: string; meaning: string }>) => {
    for (const c of cols) rows.push([file, String(files), c.header, c.type, c.meaning]);
  };
  for (const [f, tables] of groups) {
    // A column's kind can only be read from the cells of a table that has rows.
    // The tables with rows first (counted without making them: rowCount).
    const shown = tables.map((t) => ({ t, rows: rowCount(t) })).sort((a, b) => Number(b.rows > 0) - Number(a.rows > 0)).map(({ t }) => t);
    const cols = new Map<string, CsvColumn>();
    for (const t of shown) for (const c of csvColumns(t)) if (!cols.has(c.header)) cols.set(c.header, c);
    document({ text: `${f}.csv`, href: routes.csv(tables[0]!.id) }, tables.length, [...cols.values()].map((c) => ({ header: c.header, type: typeText(c), meaning: meaningOf(c) })));
  }
  const plain = (header: string) => header.replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',').map((h) => ({ header: h, type: 'as `lac` writes it', meaning: GLOSSARY[h] ?? UNDOCUMENTED }));
  const vendors = [...new Set(ctx.m.position.lines.map((l) => l.vendor))];
  if (vendors.length) document({ text: 'position/<vendor>.csv', href: routes.download(`position/${vendors[0]}.csv`) }, vendors.length, plain(formatPositionCsv({ ...ctx.m.position, lines: [] })));
  document({ text: 'forecast.csv', href: routes.download('forecast.csv') }, 1, plain(forecastCsv(ctx.m.forecast)));
  const columns = [{ label: 'File' }, { label: 'Files', numeric: true }, { label: 'Column' }, { label: 'Type' }, { label: 'Meaning' }];
  const table: Table = { id: COLUMNS_TABLE, title: 'Every CSV and its columns', columns, rows };
  // This table is a CSV too: its own columns close the list.
  document({ text: `${COLUMNS_TABLE}.csv`, href: routes.csv(COLUMNS_TABLE) }, 1, csvColumns({ ...table, rows: [] }).map((c) => ({ header: c.header, type: typeText(c), meaning: meaningOf(c) })));
  const whole = ctx.tables[WHOLE_TRAIL_TABLE] !== undefined;
  return {
    route: routes.downloads, title: 'Downloads', nav: 'overview', crumbs: [{ text: 'Overview', href: routes.overview }],
    sections: [
      { type: 'text', title: 'How the CSV files are written', text: ENCODING },
      { type: 'links', title: 'Files', links: [
        { text: 'All data (JSON, gzip-compressed)', href: routes.dataJson },
        { text: 'Renewal calendar (iCalendar)', href: routes.download('renewals.ics') },
        { text: 'Forecast (CSV)', href: routes.download('forecast.csv') },
        { text: 'Audit trail by month, and a CSV per year', href: routes.auditMonths },
        ...(whole ? [{ text: 'The whole audit trail (CSV)', href: routes.csv(WHOLE_TRAIL_TABLE) }] : []),
        ...(ctx.links.local ? [{ text: 'The inventory files', href: routes.sources }] : []),
      ] },
      { type: 'text', text: 'Each table on the site has a CSV link beside its heading. Tables of one shape (one per license, per month, per page) are listed once, under a pattern: <license> stands for each license ID, <month> for YYYY-MM, <page> for the page number.' },
      ctx.table(table),
    ],
  };
}
