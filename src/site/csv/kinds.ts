// What each table column becomes in its CSV: the page shows text ("28 + unlimited", "45%", "2026-12-03 (today)");
// a spreadsheet needs ISO dates, plain numbers, a flag for "unlimited" and an ID beside each name (issue 15).
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

/** The column's kind: declared, or inferred from its label and cells. */
export function kindOf(col: Column, cells: readonly (CellValue | undefined)[]): ColumnKind {
  if (col.kind) return col.kind;
  if (PERSON_LABELS.has(col.label)) return 'person';
  if (REF_LABELS.has(col.label)) return 'ref';
  const objects = cells.filter((c): c is Exclude<CellValue, string> => typeof c === 'object');
  if (objects.some((c) => c.email !== undefined)) return 'person';
  if (objects.some((c) => c.id !== undefined)) return 'ref';
  const texts = cells.map(textOf).filter((t) => t !== '');
  if (col.numeric) {
    if (currencyOf(col.label)) return 'money';
    if (objects.some((c) => c.unlimited !== undefined) || texts.some((t) => t.includes('unlimited'))) return 'count';
    if (texts.some((t) => PERCENT.test(t))) return 'percent';
    return 'number';
  }
  if (texts.length === 0) return 'text';
  if (texts.every((t) => DAY.test(t))) return 'date';
  if (texts.every((t) => PERCENT.test(t) || t === '—')) return 'percent';
  if (texts.every((t) => t === 'yes' || t === 'no')) return 'yesno';
  return 'text';
}

/** The CSV columns of a table: each page column, and the flag, ID, email and currency columns its kind brings. */
export function csvColumns(t: Table, rows: CellValue[][] = t.rows): CsvColumn[] {
  const kinds = t.columns.map((c, i) => kindOf(c, rows.map((r) => r[i])));
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
