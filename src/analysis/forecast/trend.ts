// The trend of a series of dated counts: an ordinary least-squares straight line through the
// points (x: the day, y: the count), projected forward. One point, or points all on one day, give a flat line.
import { dayNumber, type IsoDate } from '../../util/dates.ts';

export interface Point {
  date: IsoDate;
  value: number;
}

export interface Trend {
  /** Change per day and the line's value on `origin`. */
  slopePerDay: number;
  intercept: number;
  origin: IsoDate;
}

/** Days in an average month (365.25 / 12): the slope per month is the slope per day times this. */
export const DAYS_PER_MONTH = 365.25 / 12;

/** The least-squares line through the points; undefined without any point. */
export function leastSquares(points: readonly Point[]): Trend | undefined {
  if (points.length === 0) return undefined;
  const origin = points.map((p) => p.date).sort()[0]!;
  const xs = points.map((p) => dayNumber(p.date) - dayNumber(origin));
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
  const my = points.reduce((s, p) => s + p.value, 0) / points.length;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (points[i]!.value - my);
    sxx += (x - mx) ** 2;
  });
  const slopePerDay = sxx === 0 ? 0 : sxy / sxx;
  return { slopePerDay, intercept: my - slopePerDay * mx, origin };
}

/** The line's value on a day, never below 0, rounded to two decimals. */
export const valueAt = (t: Trend, date: IsoDate): number => round2(Math.max(0, t.intercept + t.slopePerDay * (dayNumber(date) - dayNumber(t.origin))));

export const round2 = (x: number): number => Math.round(x * 100) / 100 + 0;
