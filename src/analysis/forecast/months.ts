import { addDays, addMonths, type IsoDate } from '../../util/dates.ts';
import type { Period } from '../period/range.ts';

/** The most months a forecast looks ahead (ten years). */
export const MAX_MONTHS = 120;
export const DEFAULT_MONTHS = 12;

/** The calendar months a forecast made on `today` covers: the `n` months after today's month. */
export function forecastMonths(today: IsoDate, n: number): Period[] {
  const first = addMonths(`${today.slice(0, 7)}-01`, 1);
  return Array.from({ length: n }, (_, i) => {
    const from = addMonths(first, i);
    return { label: from.slice(0, 7), from, to: addDays(addMonths(first, i + 1), -1) };
  });
}

/** The last day of the month `back` months before today's (1: last month's last day). */
export const monthEndBefore = (today: IsoDate, back: number): IsoDate => addDays(addMonths(`${today.slice(0, 7)}-01`, 1 - back), -1);
