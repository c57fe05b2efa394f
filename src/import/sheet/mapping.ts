import { parse } from 'yaml';
import { DATE_FORMATS, type DateFormat } from '../../usage/import/dates.ts';
import { dateFormatOf } from '../cells/date.ts';
import { ImportError } from '../types.ts';
import { FIELDS, SHEET_KINDS, type Field, type SheetKind } from './fields.ts';

/** How one sheet's columns become records: the kind, the header of each field, and how to read its dates and amounts. */
export interface Mapping {
  kind: SheetKind;
  columns: Partial<Record<Field, string>>;
  locale: string;
  dateFormat: DateFormat;
  currency?: string;
  pricePeriod?: 'month' | 'year';
  sheet?: string;
  delimiter?: string;
}

const KEYS = ['kind', 'columns', 'locale', 'date_format', 'currency', 'price_period', 'sheet', 'delimiter'];

function isLocale(locale: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length === 1;
  } catch {
    return false;
  }
}

/** Reads a mapping file's YAML; every mistake is named with the key and what to write. */
export function readMapping(text: string, shown: string, localeOverride?: string): Mapping {
  const data: unknown = parse(text);
  const fail = (what: string, hint: string) => new ImportError(`${shown}: ${what}`, hint);
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw fail('is not a mapping', 'write `kind:`, `locale:` and `columns:` (run `lac import spreadsheet FILE --guess` for a start)');
  const m = data as Record<string, unknown>;
  for (const key of Object.keys(m)) if (!KEYS.includes(key)) throw fail(`unknown key "${key}"`, `the keys are ${KEYS.join(', ')}`);
  const kind = m.kind ?? 'flat';
  if (!SHEET_KINDS.includes(kind as SheetKind)) throw fail(`kind "${String(kind)}" is not one of ${SHEET_KINDS.join(', ')}`, 'flat is one row per seat: person, product, tier, cost, renewal date');
  const columns = m.columns;
  if (!columns || typeof columns !== 'object') throw fail('has no `columns:`', 'map fields to header names, e.g. columns: { email: E-mail, product: Software }');
  for (const [field, header] of Object.entries(columns)) {
    if (!FIELDS.includes(field as Field)) throw fail(`columns.${field} is not a field lac imports`, `the fields are ${FIELDS.join(', ')}`);
    if (typeof header !== 'string' || header.trim() === '') throw fail(`columns.${field} must be a header name`, 'write the header text exactly as the sheet has it');
  }
  const locale = localeOverride ?? (typeof m.locale === 'string' ? m.locale : undefined);
  if (locale === undefined) throw fail('states no `locale:`', 'dates and amounts are read the way the locale writes them: e.g. locale: de-DE (1.234,56 and 01.03.2026) or en-US ($540.00 and 03/01/2026)');
  if (!isLocale(locale)) throw fail(`locale "${locale}" is not one this runtime knows`, 'use a BCP 47 tag such as de-DE, en-US, en-GB, fr-FR');
  const dateFormat = m.date_format ?? dateFormatOf(locale);
  if (!(DATE_FORMATS as readonly string[]).includes(dateFormat as string)) throw fail(`date_format "${String(dateFormat)}" is not one of ${DATE_FORMATS.join(', ')}`, 'leave it out to take the locale\'s order');
  if (m.currency !== undefined && !(typeof m.currency === 'string' && /^[A-Z]{3}$/.test(m.currency))) throw fail('currency must be an ISO 4217 code such as EUR', 'the currency of amounts that name none');
  if (m.price_period !== undefined && m.price_period !== 'month' && m.price_period !== 'year') throw fail('price_period must be month or year', 'what one cost cell pays for one seat');
  return {
    kind: kind as SheetKind,
    columns: columns as Partial<Record<Field, string>>,
    locale,
    dateFormat: dateFormat as DateFormat,
    ...(typeof m.currency === 'string' ? { currency: m.currency } : {}),
    ...(m.price_period ? { pricePeriod: m.price_period as 'month' | 'year' } : {}),
    ...(typeof m.sheet === 'string' ? { sheet: m.sheet } : {}),
    ...(typeof m.delimiter === 'string' ? { delimiter: m.delimiter === 'tab' ? '\t' : m.delimiter } : {}),
  };
}
