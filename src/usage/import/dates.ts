import { dayOf } from '../shared/dates.ts';

export const DATE_FORMATS = ['iso', 'MM/DD/YYYY', 'DD/MM/YYYY', 'epoch_s', 'epoch_ms'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/**
 * Parses one exported date cell into a day in the org's time zone (UTC when none is given). Returns null for "never" (epoch 0, or a
 * sentinel the caller already recognised), undefined when the text does not fit the format.
 * Times after a slash date ("03/14/2026 09:30") are ignored: exports rarely say their zone.
 */
export function parseExportDate(text: string, format: DateFormat, timeZone?: string): string | null | undefined {
  const value = text.trim();
  switch (format) {
    case 'iso':
      return /^\d{4}-\d{2}-\d{2}/.test(value) ? dayOf(value, timeZone) : undefined;
    case 'epoch_s':
    case 'epoch_ms': {
      if (!/^\d+(\.\d+)?$/.test(value)) return undefined;
      const n = Number(value);
      return dayOf(format === 'epoch_s' ? n * 1000 : n, timeZone);
    }
    case 'MM/DD/YYYY':
    case 'DD/MM/YYYY': {
      const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,].*)?$/.exec(value);
      if (!match) return undefined;
      const [a, b, year] = [Number(match[1]), Number(match[2]), match[3] ?? ''];
      const [month, day] = format === 'MM/DD/YYYY' ? [a, b] : [b, a];
      const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      return dayOf(iso) ?? undefined;
    }
  }
}
