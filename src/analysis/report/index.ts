import type { Inventory } from '../../inventory/model.ts';
import type { IsoDate } from '../../util/dates.ts';
import { sum, type Micros } from '../../util/money.ts';
import { ALLOCATION_METHOD } from '../money/allocate.ts';
import { PartialSum } from '../money/unknown.ts';
import { chargeback, type ChargeRow } from './chargeback.ts';
import { tierPrices, type PriceProblem } from './prices.ts';
import { figure, sumFigure, type Figure, type Source } from './source.ts';
import { tierLeaves, type Leaf } from './leaves.ts';
import { payerResolver } from './payers.ts';
import { licenseTiers, type TierReport } from './tiers.ts';

export type { ChargeRow } from './chargeback.ts';
export type { Figure, Source } from './source.ts';
export type { TierReport } from './tiers.ts';

/**
 * Sums over tiers: a license's, or the org's. Entitled counts finite quantities only, and
 * `countedAssigned` the seats assigned in those same tiers: an unlimited tier is never summed
 * into a count (issue 11: "bought 28" against "assigned 100" counted viewers on one side only).
 */
export interface Totals {
  entitled: Figure<number>;
  /** Seats assigned in the tiers whose entitlement is a number: what `entitled` is compared with. */
  countedAssigned: Figure<number>;
  /** Some tier has unlimited seats (shown as "unlimited", outside the counts). */
  unlimited: boolean;
  assigned: Figure<number>;
  active: Figure<number>;
  inactive: Figure<number>;
  unknown: Figure<number>;
  cancelling: Figure<number>;
  unassigned: Figure<number>;
  annualCost: Figure<Micros>;
  waste: Figure<Micros>;
  /** Some tier's cost could not be computed (no price, no exchange rate): the sums leave it out. */
  costUnknown: boolean;
}

export interface LicenseReport {
  id: string;
  name: string;
  type: string;
  owner: string | undefined;
  tiers: TierReport[];
  totals: Totals;
}

export interface VendorTotal {
  vendor: string;
  annualCost: Figure<Micros>;
  waste: Figure<Micros>;
}

export interface Report {
  today: IsoDate;
  currency: string;
  /** How money is shared out and rounded (src/analysis/money/allocate.ts). */
  allocation: string;
  licenses: LicenseReport[];
  departments: ChargeRow[];
  costCentres: ChargeRow[];
  /** Annual cost per vendor: the sum of its licenses'. */
  vendors: VendorTotal[];
  totals: Totals;
  problems: PriceProblem[];
}

/** Totals of rows that carry the same figures; each total points at the rows it adds up. */
type Summed = Exclude<keyof Totals, 'countedAssigned' | 'unlimited' | 'costUnknown'>;

type Row = Pick<TierReport, Summed | 'costUnknown' | 'license' | 'tier'> | Totals;

export function totalsOf(rows: Row[], what: (i: number) => Source): Totals {
  const from = rows.map((_, i) => what(i));
  const num = (v: number | 'unlimited' | null) => (typeof v === 'number' ? v : 0);
  const counted = (r: Row) => ('countedAssigned' in r ? r.countedAssigned.value : typeof r.entitled.value === 'number' ? r.assigned.value : 0);
  return {
    entitled: figure(rows.reduce((a, r) => a + num(r.entitled.value), 0), from),
    countedAssigned: figure(rows.reduce((a, r) => a + counted(r), 0), from),
    unlimited: rows.some((r) => ('unlimited' in r ? r.unlimited : r.entitled.value === 'unlimited')),
    assigned: figure(rows.reduce((a, r) => a + r.assigned.value, 0), from),
    active: figure(rows.reduce((a, r) => a + num(r.active.value), 0), from),
    inactive: figure(rows.reduce((a, r) => a + r.inactive.value, 0), from),
    unknown: figure(rows.reduce((a, r) => a + r.unknown.value, 0), from),
    cancelling: figure(rows.reduce((a, r) => a + r.cancelling.value, 0), from),
    unassigned: figure(rows.reduce((a, r) => a + num(r.unassigned.value), 0), from),
    annualCost: sumFigure(partsOf(rows, (r) => r.annualCost), from),
    waste: sumFigure(partsOf(rows, (r) => r.waste), from),
    costUnknown: rows.some((r) => Boolean(r.costUnknown)),
  };
}

/** The sum of a money figure over rows: a tier's unknown cost (`costUnknown`) or a total's unknown part is carried, with the tier named. */
function partsOf(rows: Row[], f: (r: Row) => Figure<Micros>): PartialSum {
  const s = new PartialSum();
  for (const r of rows) {
    if ('tier' in r) s.add(f(r).value, r.costUnknown === null ? null : `${r.license}/${r.tier}: ${r.costUnknown}`);
    else s.addPart(f(r).value, f(r).unknown);
  }
  return s;
}

/** Utilization, cost and waste of every license (or one), chargeback by department and cost centre, and org totals. Pure. */
export function buildReport(inv: Inventory, today: IsoDate, options: { license?: string; /** false: no departments and cost centres (a past day's view, which shows neither) */ chargeback?: boolean } = {}): Report {
  const problems: PriceProblem[] = [];
  const prices = tierPrices(inv, today, problems);
  const licenses: LicenseReport[] = [];
  const leaves: Leaf[] = [];
  const payers = payerResolver(inv);
  const currency = inv.org?.data.currency ?? 'EUR';
  const costSources = new Map<string, Source[]>();
  const ids = [...inv.licenses.keys()].filter((id) => options.license === undefined || id === options.license).sort();
  for (const id of ids) {
    const rec = inv.licenses.get(id)!;
    const tiers = licenseTiers(inv, rec, prices.get(id) ?? new Map(), today);
    for (const t of tiers) {
      const own = tierLeaves(t.seats, payers, currency);
      t.report.waste.value = sum(own.filter((l) => l.wasted).map((l) => l.cost));
      for (const l of own) leaves.push(l);
      costSources.set(`${id}\u0000${t.report.tier}`, t.report.annualCost.from);
    }
    const rows = tiers.map((t) => t.report);
    licenses.push({
      id,
      name: rec.data.name,
      type: rec.data.type,
      owner: rec.data.owner,
      tiers: rows,
      totals: totalsOf(rows, (i) => ({ file: rec.src.file, what: `report row ${id}/${rows[i]!.tier}` })),
    });
  }
  const { departments, costCentres } = options.chargeback === false ? { departments: [], costCentres: [] } : chargeback(inv, leaves, costSources);
  const vendors = vendorTotals(inv, licenses);
  return {
    today,
    currency,
    allocation: ALLOCATION_METHOD,
    licenses,
    departments,
    costCentres,
    vendors,
    totals: totalsOf(licenses.map((l) => l.totals), (i) => ({ file: inv.licenses.get(licenses[i]!.id)!.src.file, what: `totals of ${licenses[i]!.id}` })),
    problems: problems.filter((p, i) => problems.findIndex((q) => q.message === p.message) === i),
  };
}

/** Each vendor's licenses summed, so that vendors add up to the total exactly. */
function vendorTotals(inv: Inventory, licenses: readonly LicenseReport[]): VendorTotal[] {
  const by = new Map<string, LicenseReport[]>();
  for (const l of licenses) {
    const v = inv.licenses.get(l.id)!.data.vendor;
    by.set(v, [...(by.get(v) ?? []), l]);
  }
  return [...by.keys()].sort().map((vendor) => {
    const ls = by.get(vendor)!;
    const from = ls.map((l) => ({ file: inv.licenses.get(l.id)!.src.file, what: `totals of ${l.id}` }));
    const total = (f: (l: LicenseReport) => Figure<Micros>) => ls.reduce((s, l) => s.addPart(f(l).value, f(l).unknown), new PartialSum());
    return { vendor, annualCost: sumFigure(total((l) => l.totals.annualCost), from), waste: sumFigure(total((l) => l.totals.waste), from) };
  });
}
