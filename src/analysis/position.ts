import type { Inventory, Rec } from '../inventory/model.ts';
import type { Account, Contract, License, Usage } from '../inventory/schema/index.ts';
import { addDays, type IsoDate } from '../util/dates.ts';
import type { Micros } from '../util/money.ts';
import { topPeaks } from './concurrent.ts';
import { contractsByLicense, UNCOUNTED_TYPES } from './entitlement.ts';
import { renewalPolicy } from './policy.ts';
import { tierPrices, type PriceProblem } from './report/prices.ts';
import { recordSource, type Source } from './report/source.ts';
import { tierCounts } from './report/tiers.ts';

/** One contract line behind an entitlement, with what an auditor asks for: PO, order form, documents. */
export interface Backing {
  contract: string;
  line: number;
  quantity: number | 'unlimited';
  unitPrice: string;
  currency: string;
  pricePeriod: string;
  po?: string;
  order?: string;
  documents: { title: string; url: string }[];
  source: Source;
}

/** The effective license position of one tier: what was bought against what is deployed. */
export interface PositionLine {
  vendor: string;
  license: string;
  licenseName: string;
  type: string;
  tier: string;
  tierName: string;
  /** Seats the contracts in force entitle; 'unlimited'; null when no contract line names the tier. */
  entitled: number | 'unlimited' | null;
  backing: Backing[];
  assigned: number;
  /** Billable accounts the vendor reports in the tier (deactivated and guest accounts left out); null without a snapshot. */
  accounts: number | null;
  /** Concurrent licenses: the highest daily peak in the usage window, and its day. */
  peak: { inUse: number; date: IsoDate; source: Source } | null;
  /** What the entitlement must cover: the peak (concurrent), else the larger of seats and accounts; null when not counted. */
  deployed: number | null;
  /** entitled − deployed: positive a surplus, negative a shortfall; null when not counted or unlimited. */
  balance: number | null;
  /** Annual price of one seat in the org currency (the contract's, else the list price); null when unknown. */
  unitCost: Micros | null;
  /** The shortfall at that price; 0 without a shortfall; null when the price is unknown. */
  trueUp: Micros | null;
}

export interface Position {
  asOf: IsoDate;
  currency: string;
  /** First day of the usage window the peaks are taken from. */
  windowFrom: IsoDate;
  lines: PositionLine[];
  problems: PriceProblem[];
}

const NOT_BILLABLE = new Set(['deactivated', 'guest']);

/** Billable accounts per tier; an account without a tier counts for a license with a single tier. */
export function accountsPerTier(usage: Usage, license: License): Map<string, number> {
  const only = license.tiers.length === 1 ? license.tiers[0]!.id : undefined;
  const out = new Map<string, number>();
  for (const a of usage.accounts as Account[]) {
    const tier = a.tier ?? only;
    if (tier === undefined || NOT_BILLABLE.has(a.status ?? '')) continue;
    out.set(tier, (out.get(tier) ?? 0) + 1);
  }
  return out;
}

/**
 * The effective license position on a day, per license and tier (optionally one vendor's): the
 * entitlement and the contract lines behind it, the seats assigned, the accounts the vendor
 * reports, the peak in use, and the surplus or shortfall with its true-up cost. Entitlement,
 * seats and prices come from the report's functions; peaks from the concurrent analysis.
 */
export function licensePosition(inv: Inventory, today: IsoDate, vendor?: string): Position {
  const problems: PriceProblem[] = [];
  const prices = tierPrices(inv, today, problems);
  const contracts = contractsByLicense(inv, today);
  const windowFrom = addDays(today, 1 - renewalPolicy(inv.org?.data).usage_window_days);
  const lines: PositionLine[] = [];
  const licenses = [...inv.licenses.values()].filter((l) => vendor === undefined || l.data.vendor === vendor).sort((a, b) => (a.data.id < b.data.id ? -1 : 1));
  for (const license of licenses) {
    const tierPrice = prices.get(license.data.id) ?? new Map();
    const usage = inv.usage.get(license.data.id);
    const accounts = usage ? accountsPerTier(usage.data, license.data) : undefined;
    const peaks = license.data.type === 'concurrent' ? tierPeaks(usage, license.data, windowFrom, today) : new Map();
    for (const row of tierCounts(inv, license, tierPrice)) {
      const price = tierPrice.get(row.tier);
      const peak = peaks.get(row.tier) ?? null;
      const acc = accounts ? (accounts.get(row.tier) ?? 0) : null;
      const deployed = deployedSeats(license.data, row.assigned, acc, peak?.inUse ?? null);
      const entitled = row.entitled;
      const balance = deployed === null || entitled === 'unlimited' ? null : (entitled ?? 0) - deployed;
      const unitCost = price?.unitCost ?? null;
      lines.push({
        vendor: license.data.vendor,
        license: license.data.id,
        licenseName: license.data.name,
        type: license.data.type,
        tier: row.tier,
        tierName: row.name,
        entitled,
        backing: backingOf(contracts.get(license.data.id) ?? [], license.data.id, row.tier),
        assigned: row.assigned,
        accounts: acc,
        peak,
        deployed,
        balance,
        unitCost,
        trueUp: balance === null || balance >= 0 ? 0n : unitCost === null ? null : unitCost * BigInt(-balance),
      });
    }
  }
  return { asOf: today, currency: inv.org?.data.currency ?? 'USD', windowFrom, lines, problems };
}

/** Concurrent use must fit the entitlement at its peak; named seats at the larger of seats held and accounts open. */
function deployedSeats(license: License, assigned: number, accounts: number | null, peak: number | null): number | null {
  if (license.type === 'concurrent') return peak;
  if (UNCOUNTED_TYPES.has(license.type)) return null;
  return Math.max(assigned, accounts ?? 0);
}

/** The window's top peak per tier; peaks without a tier count for a license with a single tier. */
function tierPeaks(usage: Rec<Usage> | undefined, license: License, from: IsoDate, to: IsoDate): Map<string, PositionLine['peak']> {
  const out = new Map<string, PositionLine['peak']>();
  if (!usage) return out;
  for (const [tier, { peak, index }] of topPeaks(usage.data.peaks, from, to)) {
    const id = tier !== '' ? tier : license.tiers.length === 1 ? license.tiers[0]!.id : undefined;
    if (id === undefined) continue;
    out.set(id, { inUse: peak.in_use, date: peak.date, source: recordSource(usage, ['peaks', index, 'in_use'], `peak of ${peak.in_use} in use at once on ${peak.date}`) });
  }
  return out;
}

function backingOf(contracts: readonly Rec<Contract>[], license: string, tier: string): Backing[] {
  const out: Backing[] = [];
  for (const c of [...contracts].sort((a, b) => (a.data.id < b.data.id ? -1 : 1))) {
    c.data.lines.forEach((line, i) => {
      if (line.license !== license || line.tier !== tier || line.maintenance === true) return;
      out.push({
        contract: c.data.id,
        line: i,
        quantity: line.quantity,
        unitPrice: String(line.unit_price),
        currency: c.data.currency,
        pricePeriod: line.price_period ?? 'year',
        ...(c.data.po_number !== undefined ? { po: c.data.po_number } : {}),
        ...(c.data.order_number !== undefined ? { order: c.data.order_number } : {}),
        documents: c.data.documents ?? [],
        source: recordSource(c, ['lines', i], `contract ${c.data.id} lines[${i}]`),
      });
    });
  }
  return out;
}

/** A group of position lines summed: seats short and spare, and the true-up (unknown where a line has no price). */
export interface PositionTotals {
  shortfallSeats: number;
  surplusSeats: number;
  trueUp: Micros;
  /** Some line's true-up is unknown (no price): the sum is a lower bound. */
  trueUpUnknown: boolean;
}

/** Sums position lines (a vendor's, or a period's); lines not counted (balance null) add no seats. */
export function positionTotals(lines: readonly { balance: number | null; trueUp: Micros | null }[]): PositionTotals {
  const t: PositionTotals = { shortfallSeats: 0, surplusSeats: 0, trueUp: 0n, trueUpUnknown: false };
  for (const l of lines) {
    if (l.balance !== null && l.balance < 0) t.shortfallSeats -= l.balance;
    if (l.balance !== null && l.balance > 0) t.surplusSeats += l.balance;
    if (l.trueUp === null) t.trueUpUnknown = true;
    else t.trueUp += l.trueUp;
  }
  return t;
}
