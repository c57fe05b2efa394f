// Headcount per department: the people present at each month end as people.yaml stood then (git
// history), its least-squares trend, and the count today's people.yaml implies (known joiners and leavers).
import type { Person } from '../../inventory/schema/index.ts';
import type { IsoDate } from '../../util/dates.ts';
import { leaverStatus } from '../leaver.ts';
import type { Period } from '../period/range.ts';
import { DAYS_PER_MONTH, leastSquares, round2, valueAt, type Point } from './trend.ts';

/** The department key of people without one. */
export const NO_DEPARTMENT = '(none)';

/** people.yaml as it stood at the end of a day. */
export interface PeopleAt {
  date: IsoDate;
  people: readonly Person[];
}

export interface HeadcountForecast {
  department: string;
  history: Point[];
  slopePerMonth: number;
  /** At the end of each forecast month: the trend, and the people today's people.yaml has present then. */
  projection: Array<{ month: string; date: IsoDate; trend: number; known: number }>;
}

/** Present on a day: started (or no start date) and not left (src/analysis/leaver.ts). */
export const present = (p: Person, day: IsoDate): boolean => (p.start === undefined || p.start <= day) && leaverStatus(p, day)?.state !== 'left';

/** People present on a day, per department. */
export function countByDepartment(people: readonly Person[], day: IsoDate): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of people) if (present(p, day)) out.set(p.department ?? NO_DEPARTMENT, (out.get(p.department ?? NO_DEPARTMENT) ?? 0) + 1);
  return out;
}

/** Headcount history, trend and known changes per department (sorted by key). */
export function headcount(history: readonly PeopleAt[], today: readonly Person[], months: readonly Period[]): HeadcountForecast[] {
  const counts = history.map((h) => ({ date: h.date, by: countByDepartment(h.people, h.date) }));
  const known = months.map((m) => countByDepartment(today, m.to));
  const departments = new Set([...counts.flatMap((c) => [...c.by.keys()]), ...known.flatMap((k) => [...k.keys()])]);
  return [...departments].sort().map((department) => {
    const points = counts.map((c) => ({ date: c.date, value: c.by.get(department) ?? 0 }));
    const trend = leastSquares(points);
    return {
      department, history: points, slopePerMonth: trend ? round2(trend.slopePerDay * DAYS_PER_MONTH) : 0,
      projection: months.map((m, i) => ({ month: m.label, date: m.to, trend: trend ? valueAt(trend, m.to) : 0, known: known[i]!.get(department) ?? 0 })),
    };
  });
}
