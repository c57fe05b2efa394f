// `lac forecast` and the site's Forecast page: read the inventory and its history, then compute (src/analysis/forecast).
import { compare, forecastMonths, forecastSpend, headcount, knownChanges, monthEndBefore, seatDemand, BACKTEST_MONTHS, type Backtest, type Forecast, type MonthSpend } from '../../analysis/forecast/index.ts';
import { currentHoldings, type Holdings } from '../../analysis/period/holdings.ts';
import { periodTotals } from '../../analysis/period/index.ts';
import { resolveToday } from '../../check/run.ts';
import { dayIn } from '../../history/time.ts';
import { inventoriesAt, type InventoryOf } from '../../inventory/at-commit.ts';
import { fileData } from '../../inventory/parsed-files.ts';
import type { Inventory } from '../../inventory/model.ts';
import { usageHistory } from '../../renewals/history.ts';
import { orgZone, planRenewals } from '../../renewals/plan.ts';
import type { Snapshot } from '../../renewals/usage.ts';
import { addDays, type IsoDate } from '../../util/dates.ts';
import type { Micros } from '../../util/money.ts';
import { periodHoldings } from '../period-holdings.ts';
import { peopleHistory, timeline, type Timeline } from './history.ts';

export interface ForecastOptions {
  root: string;
  /** The inventory, loaded from the working tree (the CLI) or from `ref` (the site). */
  inventory: Inventory;
  /** Who held which seat (src/report/period-holdings.ts), when the caller has it already. */
  holdings?: Holdings;
  /** The commit the inventory was read from (the site; its full ID), else HEAD. */
  ref?: string;
  months: number;
  today?: IsoDate;
  backtest: boolean;
  /** Back-test only this license's spend. */
  license?: string;
}

/** Days of usage history the seat-demand trend reads. */
const DEMAND_DAYS = 365;

/** The forecast of a license repository: its inventory, usage snapshots and people.yaml over git history. */
export async function runForecast(o: ForecastOptions): Promise<Forecast> {
  const inv = o.inventory;
  const today = resolveToday(inv, o.today);
  const zone = orgZone(inv);
  const ref = o.ref ?? 'HEAD';
  const line = await timeline(o.root, ref, zone);
  const history = line ? await usageHistory(o.root, addDays(today, -DEMAND_DAYS), zone, new Set(inv.licenses.keys())) : new Map<string, Snapshot[]>();
  const months = forecastMonths(today, o.months);
  const spend = forecastSpend(inv, months, o.holdings ?? (await periodHoldings(o.root, inv, ref)), planRenewals(inv, today, { history }), knownChanges(inv, today), today);
  const snapshots = new Map(history);
  for (const [id, rec] of inv.usage) snapshots.set(id, [...(snapshots.get(id) ?? []), { day: dayIn(new Date(rec.data.taken), zone), usage: rec.data }]);
  const forecast: Forecast = {
    today, currency: inv.org?.data.currency ?? 'EUR', spend,
    demand: seatDemand(inv, snapshots, months, today),
    headcount: headcount(line ? await peopleHistory(o.root, line, today, fileData(inv, 'inventory/people.yaml')) : [], [...inv.people.values()].map((p) => p.data), months),
  };
  if (o.backtest) forecast.backtest = await backtest(o.root, line, today, history, o.license, o.ref !== undefined ? { commit: o.ref, inventory: inv } : undefined);
  return forecast;
}

/** The spend forecast made at the end of the month seven months ago against what each month then accrued. */
async function backtest(root: string, line: Timeline | undefined, today: IsoDate, history: ReadonlyMap<string, Snapshot[]>, license: string | undefined, known: InventoryOf | undefined): Promise<Backtest> {
  const asOf = monthEndBefore(today, BACKTEST_MONTHS + 1);
  if (!line) return { asOf, unavailable: 'not a git repository (or no commit yet): there is no history to test the forecast against' };
  const commit = asOf >= line.first ? line.at(asOf) : undefined;
  if (!commit) return { asOf, unavailable: `the git history starts on ${line.first}: a back-test needs the inventory as it stood on ${asOf}, ${BACKTEST_MONTHS} whole months before this month` };
  const inventory = inventoriesAt(root, known);
  const then = await inventory(commit);
  const months = forecastMonths(asOf, BACKTEST_MONTHS);
  const made = forecastSpend(then, months, currentHoldings(then), planRenewals(then, asOf, { history }), knownChanges(then, asOf), asOf);
  const rows: Array<{ month: string; forecast: Micros; actual: Micros }> = [];
  // Months that end on the same commit read it once; one inventory besides `known` is held at a time.
  for (const [i, m] of months.entries()) {
    const after = await inventory(line.at(m.to)!);
    const actual = periodTotals(after, m);
    const forecast = made.months[i] as MonthSpend;
    rows.push({ month: m.label, forecast: license === undefined ? forecast.total : (forecast.licenses[license] ?? 0n), actual: license === undefined ? actual.total : (actual.licenses.find((l) => l.id === license)?.amount ?? 0n) });
  }
  return compare(asOf, rows);
}
