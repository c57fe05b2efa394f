// What each table column becomes in its CSV: the page shows text ("28 + unlimited", "45%", "2026-12-03 (today)");
// a spreadsheet needs ISO dates, plain numbers, a flag for "unlimited" and an ID beside each name (issue 15).
import { CHUNK_ROWS, rowChunks } from '../rows.ts';
import type { CellValue, Column, ColumnKind, Table } from '../types.ts';

export type CsvType = 'text' | 'date' | 'number' | 'boolean' | 'id' | 'email' | 'currency';
export type CsvRole = 'value' | 'unlimited' | 'id' | 'email' | 'currency' | 'start' | 'end';

/** One column of a table's CSV: made from a page column (source) in one role. */
export interface CsvColumn {
  header: string;
  type: CsvType;
  role: CsvRole;
  source: Column;
  kind: ColumnKind;
  /** For money: the ISO 4217 code of the amounts. */
  currency?: string;
}

// Columns that name people or records get their ID column even when the table is empty, so that every
// instance of a table (one per license, say) has the same header.
const PERSON_LABELS = new Set(['Person', 'Holder', 'Owner']);
const REF_LABELS = new Set(['License', 'Vendor', 'Contract', 'Subject', 'Commit']);
/** "Annual cost (EUR)", "True-up (EUR per year)". */
export const currencyOf = (label: string): string | undefined => /\(([A-Z]{3})\b[^()]*\)$/.exec(label)?.[1];
const DAY = /^\d{4}-\d{2}-\d{2}/;
const PERCENT = /^-?\d+(\.\d+)?%/;
const textOf = (c: CellValue | undefined) => (c === undefined ? '' : typeof c === 'string' ? c : c.text);

/** What a column's cells say about its kind, gathered a part of the rows at a time. */
interface Seen { email: boolean; id: boolean; unlimited: boolean; percent: boolean; texts: number; allDay: boolean; allPercent: boolean; allYesNo: boolean }

const unseen = (): Seen => ({ email: false, id: false, unlimited: false, percent: false, texts: 0, allDay: true, allPercent: true, allYesNo: true });

function see(s: Seen, c: CellValue | undefined): void {
  if (typeof c === 'object') {
    if (c.email !== undefined) s.email = true;
    if (c.id !== undefined) s.id = true;
    if (c.unlimited !== undefined) s.unlimited = true;
  }
  const t = textOf(c);
  if (t === '') return;
  s.texts++;
  const percent = PERCENT.test(t);
  if (t.includes('unlimited')) s.unlimited = true;
  if (percent) s.percent = true;
  if (!DAY.test(t)) s.allDay = false;
  if (!percent && t !== '—') s.allPercent = false;
  if (t !== 'yes' && t !== 'no') s.allYesNo = false;
}

/** The column's kind without its cells, when its declaration or label settles it. */
const settled = (col: Column): ColumnKind | undefined => col.kind ?? (PERSON_LABELS.has(col.label) ? 'person' : REF_LABELS.has(col.label) ? 'ref' : undefined);

/** The column's kind from what its cells showed. */
function decide(col: Column, s: Seen): ColumnKind {
  const known = settled(col);
  if (known) return known;
  if (s.email) return 'person';
  if (s.id) return 'ref';
  if (col.numeric) return currencyOf(col.label) ? 'money' : s.unlimited ? 'count' : s.percent ? 'percent' : 'number';
  if (s.texts === 0) return 'text';
  if (s.allDay) return 'date';
  if (s.allPercent) return 'percent';
  if (s.allYesNo) return 'yesno';
  return 'text';
}

/** The column's kind: declared, or inferred from its label and cells. */
export function kindOf(col: Column, cells: readonly (CellValue | undefined)[]): ColumnKind {
  const s = unseen();
  for (const c of cells) see(s, c);
  return decide(col, s);
}

/** Each column's kind, the rows read a part at a time (rowChunks), and not at all when no kind needs them. */
function kindsOf(t: Table, rows?: CellValue[][]): ColumnKind[] {
  const seen = t.columns.map(unseen);
  if (t.columns.some((c) => !settled(c))) {
    for (const part of rows ? [rows] : rowChunks(t, CHUNK_ROWS)) for (const r of part) for (let i = 0; i < seen.length; i++) see(seen[i]!, r[i]);
  }
  return t.columns.map((c, i) => decide(c, seen[i]!));
}

/** The CSV columns of a table: each page column, and the flag, ID, email and currency columns its kind brings. */
export function csvColumns(t: Table, rows?: CellValue[][]): CsvColumn[] {
  const kinds = kindsOf(t, rows);
  const currencies = new Set(t.columns.flatMap((c, i) => (kinds[i] === 'money' ? [currencyOf(c.label) ?? ''] : [])));
  const perColumn = currencies.size > 1;
  const out: CsvColumn[] = [];
  t.columns.forEach((source, i) => {
    const kind = kinds[i]!;
    const col = (suffix: string, type: CsvType, role: CsvRole, currency?: string): CsvColumn => ({ header: `${source.label}${suffix}`, type, role, source, kind, ...(currency ? { currency } : {}) });
    switch (kind) {
      case 'date': return void out.push(col('', 'date', 'value'));
      case 'period': return void out.push(col('_start', 'date', 'start'), col('_end', 'date', 'end'));
      case 'number': case 'percent': return void out.push(col('', 'number', 'value'));
      case 'count': return void out.push(col('', 'number', 'value'), col('_unlimited', 'boolean', 'unlimited'));
      case 'money': {
        const cur = currencyOf(source.label) ?? '';
        return void out.push(col('', 'number', 'value', cur), ...(perColumn ? [col('_currency', 'currency', 'currency', cur)] : []));
      }
      case 'yesno': return void out.push(col('', 'boolean', 'value'));
      case 'person': return void out.push(col('', 'text', 'value'), col('_id', 'id', 'id'), col('_email', 'email', 'email'));
      case 'ref': return void out.push(col('', 'text', 'value'), col('_id', 'id', 'id'));
      default: return void out.push(col('', 'text', 'value'));
    }
  });
  if (currencies.size === 1) {
    const money = out.find((c) => c.kind === 'money')!;
    out.push({ header: 'Currency', type: 'currency', role: 'currency', source: money.source, kind: 'money', currency: money.currency! });
  }
  return out;
}
