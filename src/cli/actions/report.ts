import { discoverySummary } from '../../analysis/discovery/summary.ts';
import { periodSpend } from '../../analysis/period/index.ts';
import { parsePeriod, parseRange, type Period } from '../../analysis/period/range.ts';
import { buildReport } from '../../analysis/report/index.ts';
import { resolveToday } from '../../check/run.ts';
import { loadInventory } from '../../inventory/load.ts';
import { formatReport, type FullReport, type ReportFormat } from '../../report/format.ts';
import { hasLeavers, NEEDS_HISTORY, offboardingEvidence } from '../../report/offboarding.ts';
import { formatPeriod } from '../../report/period-format.ts';
import { periodHoldings } from '../../report/period-holdings.ts';
import { realisedSavings } from '../../report/realised.ts';
import { suggestion } from '../../util/suggest.ts';
import { sourceAt } from '../at.ts';
import { UserError } from '../errors.ts';
import type { Io } from '../io.ts';
import { parseToday } from '../options.ts';
import type { ReportOpts } from '../report.ts';

/** `--period` or `--from`/`--to` → the period, or undefined for today's annual report. */
export function periodOf(opts: Pick<ReportOpts, 'period' | 'from' | 'to' | 'license'>, fiscalStart: string | undefined): Period | undefined {
  if (opts.period === undefined && opts.from === undefined && opts.to === undefined) return undefined;
  if (opts.period !== undefined && (opts.from !== undefined || opts.to !== undefined)) throw new UserError('--period does not combine with --from/--to', 'give either --period 2026-Q3 or --from 2026-07-01 --to 2026-09-30');
  if (opts.license !== undefined) throw new UserError('--license does not combine with a period', 'the period report covers every license; filter its CSV instead');
  const p = opts.period !== undefined ? parsePeriod(opts.period, fiscalStart) : opts.from !== undefined && opts.to !== undefined ? parseRange(opts.from, opts.to) : 'give both --from and --to';
  if (typeof p === 'string') throw new UserError(p, 'e.g. --period 2025, --period 2026-Q3, --period 2026-07, or --from 2026-01-01 --to 2026-06-30');
  return p;
}

/** `lac report`: today's report (utilization, cost, waste, chargeback, savings, offboarding, discovery) or a period's spend. */
export async function runReport(opts: ReportOpts, io: Io): Promise<void> {
  const { source, root, at } = await sourceAt(opts.root, opts.at, io.cwd);
  const { inventory } = await loadInventory(source);
  if (opts.license !== undefined && !inventory.licenses.has(opts.license)) {
    throw new UserError(`no license "${opts.license}"${suggestion(opts.license, inventory.licenses.keys())}`, 'license IDs are the file names in inventory/licenses/');
  }
  const period = periodOf(opts, inventory.org?.data.fiscal_year_start);
  if (period) {
    io.out(formatPeriod(periodSpend(inventory, period, await periodHoldings(root, inventory, at?.commit)), opts.format as ReportFormat));
    return;
  }
  const today = resolveToday(inventory, parseToday(opts.today) ?? at?.day);
  const report: FullReport = buildReport(inventory, today, opts.license === undefined ? {} : { license: opts.license });
  const savings = await realisedSavings(root, inventory, today, opts.license);
  if (savings) report.savings = savings;
  // About people, not one license: left out of a --license report.
  if (opts.license === undefined) {
    const evidence = await offboardingEvidence(root, inventory, today, at?.commit);
    if (evidence) report.offboarding = evidence;
    else if (hasLeavers(inventory)) report.offboardingNote = NEEDS_HISTORY;
    const discovery = discoverySummary(inventory, today);
    if (discovery) report.discovery = discovery;
  }
  io.out(formatReport(report, opts.format as ReportFormat));
}
