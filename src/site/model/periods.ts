import { periodSpends, type PeriodRow, type PeriodSpend } from '../../analysis/period/index.ts';
import type { Holdings } from '../../analysis/period/holdings.ts';
import type { TierHolders } from '../../analysis/period/occupancy.ts';
import { fiscalMonths, fiscalYear } from '../../analysis/period/range.ts';
import { fiscalYearStart } from '../../analysis/savings.ts';
import type { Inventory } from '../../inventory/model.ts';
import type { IsoDate } from '../../util/dates.ts';
import { dec, unknownInfo, unknownInfos } from './money.ts';
import type { FiscalYearSpend, PeriodRowInfo } from './types.ts';

/** The fiscal years the site shows: from the one the history starts in (or last year's) to this one. */
export function fiscalYearsShown(today: IsoDate, start: string, firstDay: IsoDate | undefined): number[] {
  const fy = (d: IsoDate) => Number(fiscalYearStart(d, start).slice(0, 4));
  const last = fy(today);
  const first = Math.min(firstDay ? fy(firstDay) : last - 1, last - 1);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

const rowInfo = (inv: Inventory, r: PeriodRow): PeriodRowInfo => ({
  key: r.key, name: r.name, seatDays: r.seatDays, amount: dec(inv, r.amount),
  licenses: Object.fromEntries(Object.entries(r.licenses).map(([k, v]) => [k, dec(inv, v)])),
  across: Object.fromEntries(Object.entries(r.across).map(([k, v]) => [k, dec(inv, v)])),
  unknown: unknownInfo(r.unknown), licensesUnknown: unknownInfos(r.licensesUnknown), acrossUnknown: unknownInfos(r.acrossUnknown),
});

const rowsUnknown = (rows: PeriodRow[]) => unknownInfos(Object.fromEntries(rows.map((r) => [r.key, r])));

const amounts = (inv: Inventory, rows: PeriodRow[]) => Object.fromEntries(rows.map((r) => [r.key, dec(inv, r.amount)]));

/** A fiscal year's spend and its months, as the analysis (`lac report --period`) computes them, amounts as decimals. */
export function fiscalYearSpend(inv: Inventory, year: number, holdings: Holdings, holders?: TierHolders): FiscalYearSpend {
  const start = inv.org?.data.fiscal_year_start;
  const months = fiscalMonths(year, start);
  const [s, ...ms] = periodSpends(inv, [fiscalYear(year, start), ...months], holdings, holders) as [PeriodSpend, ...PeriodSpend[]];
  return {
    year, label: s.period.label, from: s.period.from, to: s.period.to, total: dec(inv, s.total), totalUnknown: unknownInfo(s.totalUnknown), basis: s.holdings, accrual: s.accrual, allocation: s.allocation,
    lines: s.lines.map((l) => ({ contract: l.contract, line: l.line, vendor: l.vendor, license: l.license, tier: l.tier, amount: dec(inv, l.amount), unknown: l.unknown ? { reason: l.unknown, whole: true } : null })),
    licenses: s.licenses.map((l) => ({ id: l.id, amount: dec(inv, l.amount), unknown: unknownInfo(l.unknown) })),
    vendors: s.vendors.map((v) => ({ id: v.vendor, amount: dec(inv, v.amount), unknown: unknownInfo(v.unknown) })),
    departments: s.departments.map((r) => rowInfo(inv, r)),
    costCentres: s.costCentres.map((r) => rowInfo(inv, r)),
    months: ms.map((m) => ({ label: m.period.label, from: m.period.from, to: m.period.to, total: dec(inv, m.total), departments: amounts(inv, m.departments), costCentres: amounts(inv, m.costCentres),
      totalUnknown: unknownInfo(m.totalUnknown), departmentsUnknown: rowsUnknown(m.departments), costCentresUnknown: rowsUnknown(m.costCentres) })),
    problems: s.problems.map((p) => p.message),
  };
}
