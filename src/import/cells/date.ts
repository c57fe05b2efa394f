import { parseExportDate, type DateFormat } from '../../usage/import/dates.ts';

/** The day-month order a locale writes dates in: MM/DD/YYYY for en-US, DD/MM/YYYY for de-DE or en-GB. */
export function dateFormatOf(locale: string): DateFormat {
  const parts = new Intl.DateTimeFormat(locale, { timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2026, 10, 23)));
  const order = parts.filter((p) => p.type === 'month' || p.type === 'day').map((p) => p.type);
  return order[0] === 'month' ? 'MM/DD/YYYY' : 'DD/MM/YYYY';
}

/** An ISO day from "2026-03-01" or "03/01/2026" read in the stated order; undefined when it fits neither. */
export function readDate(text: string, format: DateFormat): string | undefined {
  const value = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return parseExportDate(value, 'iso') ?? undefined;
  return parseExportDate(value, format) ?? undefined;
}
