// The back-test: the spend forecast made at the end of a month six months ago, from the inventory
// as it stood then, against the spend each month then accrued by the inventory as it stood at that
// month's end (what lac knew of the month once it was over).
import type { IsoDate } from '../../util/dates.ts';
import type { Micros } from '../../util/money.ts';

export const BACKTEST_MONTHS = 6;

export interface BacktestMonth {
  month: string;
  forecast: Micros;
  actual: Micros;
  /** forecast − actual. */
  error: Micros;
  /** |error| / actual in percent (two decimals); null when nothing was spent. */
  errorPercent: number | null;
}

export type Backtest =
  | { asOf: IsoDate; months: BacktestMonth[]; mape: number | null; forecast: Micros; actual: Micros; error: Micros; errorPercent: number | null }
  | { asOf: IsoDate; unavailable: string };

const percentOf = (error: Micros, of: Micros): number | null => (of === 0n ? null : Math.round(Number(((error < 0n ? -error : error) * 1_000_000n) / (of < 0n ? -of : of)) / 100) / 100);

/** Per-month and total error of a forecast against what happened; MAPE: the mean of the months' absolute percentage errors (months with no spend left out). */
export function compare(asOf: IsoDate, rows: ReadonlyArray<{ month: string; forecast: Micros; actual: Micros }>): Backtest {
  const months = rows.map((r) => ({ ...r, error: r.forecast - r.actual, errorPercent: percentOf(r.forecast - r.actual, r.actual) }));
  const pcts = months.flatMap((m) => (m.errorPercent === null ? [] : [m.errorPercent]));
  const forecast = months.reduce((s, m) => s + m.forecast, 0n);
  const actual = months.reduce((s, m) => s + m.actual, 0n);
  return { asOf, months, mape: pcts.length ? Math.round((pcts.reduce((s, x) => s + x, 0) / pcts.length) * 100) / 100 : null, forecast, actual, error: forecast - actual, errorPercent: percentOf(forecast - actual, actual) };
}
