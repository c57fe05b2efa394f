import { addDays, addMonths, daysInMonth, isIsoDate, type IsoDate } from '../../util/dates.ts';

/** A span of days, both ends included. */
export interface Period {
  /** "FY2025", "FY2026-Q3", "2026-07" or "2026-01-10..2026-02-09". */
  label: string;
  from: IsoDate;
  to: IsoDate;
}

/** The first day of fiscal year `year`: fiscal_year_start (MM-DD) in that calendar year, clamped to the month's end. */
export function fiscalYearFirstDay(year: number, start = '01-01'): IsoDate {
  const [mm, dd] = start.split('-').map(Number) as [number, number];
  const y = String(year).padStart(4, '0');
  return `${y}-${String(mm).padStart(2, '0')}-${String(Math.min(dd, daysInMonth(year, mm))).padStart(2, '0')}`;
}

/** The fiscal year `year`: from its first day to the day before the next one's. */
export function fiscalYear(year: number, start = '01-01'): Period {
  return { label: `FY${year}`, from: fiscalYearFirstDay(year, start), to: addDays(fiscalYearFirstDay(year + 1, start), -1) };
}

/** The months of a fiscal year (each from the fiscal start day; calendar months when the year starts on the 1st). */
export function fiscalMonths(year: number, start = '01-01'): Period[] {
  const first = fiscalYearFirstDay(year, start);
  return Array.from({ length: 12 }, (_, i) => {
    const from = addMonths(first, i);
    return { label: from.slice(0, 7), from, to: addDays(addMonths(first, i + 1), -1) };
  });
}

/**
 * Reads `--period`: a fiscal year "2025" (the one that starts in 2025), a fiscal quarter
 * "2026-Q3" (the third quarter of fiscal year 2026), or a calendar month "2026-07".
 * Returns a message for anything else.
 */
export function parsePeriod(text: string, fiscalStart = '01-01'): Period | string {
  let m = /^(\d{4})$/.exec(text);
  if (m) return fiscalYear(Number(m[1]), fiscalStart);
  m = /^(\d{4})-Q([1-4])$/.exec(text);
  if (m) return fiscalQuarter(Number(m[1]), Number(m[2]), fiscalStart);
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return { label: text, from: `${text}-01`, to: `${text}-${String(daysInMonth(y, mo)).padStart(2, '0')}` };
  }
  return `--period ${text} is not a fiscal year (2025), a fiscal quarter (2026-Q3) or a month (2026-07)`;
}

/** Reads `--from` and `--to` (both days included). Returns a message when they are not dates in order. */
export function parseRange(from: string, to: string): Period | string {
  for (const [name, d] of [['--from', from], ['--to', to]] as const) if (!isIsoDate(d)) return `${name} ${d} is not a calendar date YYYY-MM-DD`;
  if (to < from) return `--to ${to} is before --from ${from}`;
  return { label: `${from}..${to}`, from, to };
}

/** The fiscal quarter "FY2026-Q3": the third quarter of fiscal year 2026. */
export function fiscalQuarter(year: number, q: number, start = '01-01'): Period {
  const first = fiscalYearFirstDay(year, start);
  return { label: `FY${year}-Q${q}`, from: addMonths(first, 3 * (q - 1)), to: addDays(addMonths(first, 3 * q), -1) };
}

/** The fiscal quarter a day falls in, per fiscal_year_start (MM-DD). */
export function fiscalQuarterOf(day: IsoDate, start = '01-01'): Period {
  const y = Number(day.slice(0, 4));
  const year = fiscalYearFirstDay(y, start) <= day ? y : y - 1;
  return [4, 3, 2].map((q) => fiscalQuarter(year, q, start)).find((p) => p.from <= day) ?? fiscalQuarter(year, 1, start);
}
