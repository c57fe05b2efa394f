import { fiscalQuarter, fiscalQuarterOf, fiscalYear, type Period } from '../period/range.ts';
import type { IsoDate } from '../../util/dates.ts';

/** The fiscal years and quarters that have history: from the one holding the first commit's day to the one holding today, each year before its quarters. */
export function evidencePeriods(firstDay: IsoDate, today: IsoDate, fiscalStart = '01-01'): Period[] {
  const yearOf = (d: IsoDate) => Number(fiscalQuarterOf(d, fiscalStart).label.slice(2, 6));
  const out: Period[] = [];
  for (let y = yearOf(firstDay); y <= yearOf(today); y++) {
    out.push(fiscalYear(y, fiscalStart));
    for (let q = 1; q <= 4; q++) {
      const p = fiscalQuarter(y, q, fiscalStart);
      if (p.to >= firstDay && p.from <= today) out.push(p);
    }
  }
  return out;
}

/** The period's label as a path segment and a --period value: "FY2026-Q2" → "2026-Q2", "FY2026" → "2026". */
export const periodKey = (p: Period): string => p.label.replace(/^FY/, '');
