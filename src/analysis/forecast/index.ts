import type { Backtest } from './backtest.ts';
import type { DemandForecast } from './demand.ts';
import type { HeadcountForecast } from './headcount.ts';
import type { SpendForecast } from './spend.ts';

export { BACKTEST_MONTHS, compare, type Backtest, type BacktestMonth } from './backtest.ts';
export { seatDemand, type DemandForecast } from './demand.ts';
export { headcount, type HeadcountForecast, type PeopleAt } from './headcount.ts';
export { BACKTEST_METHOD, DEMAND_METHOD, HEADCOUNT_METHOD, SPEND_METHOD } from './method.ts';
export { DEFAULT_MONTHS, forecastMonths, MAX_MONTHS, monthEndBefore } from './months.ts';
export { knownChanges } from './quantity.ts';
export { forecastSpend, type MonthSpend, type SpendForecast } from './spend.ts';

/** Everything `lac forecast` and the site's Forecast page show. */
export interface Forecast {
  today: string;
  currency: string;
  spend: SpendForecast;
  demand: DemandForecast[];
  headcount: HeadcountForecast[];
  /** Absent when not asked for. */
  backtest?: Backtest;
}
