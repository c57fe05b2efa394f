// The forecast as plain JSON values (amounts as decimal strings in the org currency): what
// `lac forecast --format json` prints and what the site's Forecast page is built from.
import { BACKTEST_METHOD, DEMAND_METHOD, HEADCOUNT_METHOD, SPEND_METHOD, type DemandForecast, type Forecast, type HeadcountForecast } from '../../analysis/forecast/index.ts';
import type { ProjectedTerm } from '../../analysis/forecast/project.ts';
import { ACCRUAL_METHOD } from '../../analysis/period/accrual.ts';
import { toDecimal, type Micros } from '../../util/money.ts';

export interface MonthView {
  month: string;
  from: string;
  to: string;
  total: string;
  /** Why part of the total is unknown (a contract without an exchange rate); null when all of it is known. */
  unknown: string | null;
  /** The part of the total from projected renewal terms. */
  renewed: string;
  contracts: Record<string, string>;
  licenses: Record<string, string>;
  departments: Record<string, string>;
}

export type BacktestView =
  | { asOf: string; unavailable: string }
  | { asOf: string; months: Array<{ month: string; forecast: string; actual: string; error: string; errorPercent: number | null }>; forecast: string; actual: string; error: string; errorPercent: number | null; mape: number | null };

export interface ForecastView {
  today: string;
  currency: string;
  /** Only this license's spend and seat demand (null: every license). */
  license: string | null;
  method: { spend: string; accrual: string; demand: string; headcount: string; backtest: string };
  spend: { total: string; months: MonthView[]; renewals: ProjectedTerm[] };
  demand: DemandForecast[];
  headcount: HeadcountForecast[];
  /** null when the back-test was not asked for. */
  backtest: BacktestView | null;
}

const only = <T>(r: Record<string, T>, keep: (k: string) => boolean) => Object.fromEntries(Object.entries(r).filter(([k]) => keep(k)));

/**
 * The view of a forecast. With `license`, a month's total is that license's spend, and the
 * breakdowns by contract and department (which mix licenses) are left out.
 */
export function forecastView(f: Forecast, license?: string): ForecastView {
  const dec = (m: Micros) => toDecimal(m, f.currency);
  const decs = (r: Record<string, Micros>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, dec(v)]));
  const months = f.spend.months.map((m): MonthView => ({
    month: m.month, from: m.from, to: m.to,
    total: dec(license === undefined ? m.total : (m.licenses[license] ?? 0n)),
    unknown: m.totalUnknown ? m.totalUnknown.reasons.join('; ') : null,
    renewed: dec(license === undefined ? m.renewed : (m.renewedLicenses[license] ?? 0n)),
    contracts: license === undefined ? decs(m.contracts) : {},
    licenses: decs(license === undefined ? m.licenses : only(m.licenses, (k) => k === license)),
    departments: license === undefined ? decs(m.departments) : {},
  }));
  const b = f.backtest;
  return {
    today: f.today, currency: f.currency, license: license ?? null,
    method: { spend: SPEND_METHOD, accrual: ACCRUAL_METHOD, demand: DEMAND_METHOD, headcount: HEADCOUNT_METHOD, backtest: BACKTEST_METHOD },
    spend: {
      total: dec(f.spend.months.reduce((s, m) => s + (license === undefined ? m.total : (m.licenses[license] ?? 0n)), 0n)),
      months,
      renewals: f.spend.renewals.filter((r) => license === undefined || r.lines.some((l) => l.license === license)),
    },
    demand: f.demand.filter((d) => license === undefined || d.license === license),
    headcount: f.headcount,
    backtest: !b ? null : 'unavailable' in b ? b : {
      asOf: b.asOf, months: b.months.map((m) => ({ month: m.month, forecast: dec(m.forecast), actual: dec(m.actual), error: dec(m.error), errorPercent: m.errorPercent })),
      forecast: dec(b.forecast), actual: dec(b.actual), error: dec(b.error), errorPercent: b.errorPercent, mape: b.mape,
    },
  };
}
