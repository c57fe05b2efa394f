import type { Inventory } from '../../inventory/model.ts';
import type { Renewal } from '../../renewals/plan.ts';
import type { IsoDate } from '../../util/dates.ts';
import type { Micros } from '../../util/money.ts';
import type { UnknownPart } from '../money/unknown.ts';
import type { Holdings } from '../period/holdings.ts';
import { periodSpends } from '../period/index.ts';
import type { Period } from '../period/range.ts';
import { futureHoldings } from './holders.ts';
import { baseContract, projectInventory, type ProjectedTerm } from './project.ts';
import type { KnownChanges } from './quantity.ts';

/** The forecast spend of one month, in whole minor units of the org currency. */
export interface MonthSpend {
  month: string;
  from: IsoDate;
  to: IsoDate;
  total: Micros;
  /** Why part of the total cannot be computed (a contract without an exchange rate). */
  totalUnknown?: UnknownPart;
  /** The part of the total that projected renewal terms accrue (the rest: terms already written). */
  renewed: Micros;
  /** The same per license. */
  renewedLicenses: Record<string, Micros>;
  contracts: Record<string, Micros>;
  licenses: Record<string, Micros>;
  /** Department keys as `lac report --period` charges them (who holds the seats). */
  departments: Record<string, Micros>;
}

export interface SpendForecast {
  months: MonthSpend[];
  renewals: ProjectedTerm[];
}

/**
 * Spend per month: the contracts in force and the renewals assumed (./project.ts), accrued and
 * charged exactly as `lac report --period` does (src/analysis/period), so a month inside a
 * written term shows the same total as the report for that month; its department shares differ
 * only where known leavers and joiners (./holders.ts) change who holds the seats.
 */
export function forecastSpend(inv: Inventory, months: readonly Period[], holdings: Holdings, renewals: readonly Renewal[], known: KnownChanges, today: IsoDate): SpendForecast {
  if (months.length === 0) return { months: [], renewals: [] };
  const projected = projectInventory(inv, renewals, known, months.at(-1)!.to);
  const spends = periodSpends(projected.inventory, months, futureHoldings(inv, holdings, today));
  return {
    renewals: projected.terms,
    months: spends.map((s) => {
      const contracts: Record<string, Micros> = {};
      const renewedLicenses: Record<string, Micros> = {};
      for (const l of s.lines) {
        const id = baseContract(l.contract);
        contracts[id] = (contracts[id] ?? 0n) + l.amount;
        if (id !== l.contract) renewedLicenses[l.license] = (renewedLicenses[l.license] ?? 0n) + l.amount;
      }
      return {
        month: s.period.label, from: s.period.from, to: s.period.to, total: s.total,
        ...(s.totalUnknown ? { totalUnknown: s.totalUnknown } : {}),
        renewed: Object.values(renewedLicenses).reduce((a, b) => a + b, 0n),
        renewedLicenses: sorted(renewedLicenses),
        contracts: sorted(contracts),
        licenses: Object.fromEntries(s.licenses.map((l) => [l.id, l.amount])),
        departments: Object.fromEntries(s.departments.map((d) => [d.key, d.amount])),
      };
    }),
  };
}

const sorted = (r: Record<string, Micros>) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)));
