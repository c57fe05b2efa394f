import type { Inventory, Rec } from '../../inventory/model.ts';
import type { Contract, License } from '../../inventory/schema/index.ts';
import type { IsoDate } from '../../util/dates.ts';
import { convert, divRound, parseAmount, type Micros } from '../../util/money.ts';
import { annualLineCost, entitlesSeats } from '../cost.ts';
import { contractsByLicense, UNCOUNTED_TYPES } from '../entitlement.ts';
import { recordSource, type Source } from './source.ts';

/** What one tier of a license costs a year, in the org currency. */
export interface TierPrice {
  tier: string;
  /** Seats the contracts in force entitle (Infinity: unlimited); undefined when no contract line names the tier. */
  entitled: number | undefined;
  /** Annual cost of the contract lines (org currency); undefined when no line names the tier. */
  contractCost: Micros | undefined;
  /** Annual cost of one more or one less seat: the contract price, else the tier's list price; undefined when unlimited or unknown. */
  unitCost: Micros | undefined;
  /** True when seats cost money one by one (a counted license, a finite quantity or a list price). */
  perSeat: boolean;
  /** Why part of the cost could not be computed (an exchange rate missing from org.yaml); the amount left out is not a 0. */
  unknown?: string;
  sources: { entitled: Source[]; cost: Source[] };
}

export interface PriceProblem {
  license: string;
  message: string;
}

/**
 * Annual prices of every tier of every license on a day, with the contract lines behind them;
 * `sources: false` leaves the lines out (lac diff shows sums, not where they come from: for a
 * thousand licenses, the texts and line lookups were half the time).
 */
export function tierPrices(inv: Inventory, today: IsoDate, problems: PriceProblem[] = [], o: { sources?: boolean } = {}): Map<string, Map<string, TierPrice>> {
  const byLicense = contractsByLicense(inv, today);
  const out = new Map<string, Map<string, TierPrice>>();
  for (const rec of inv.licenses.values()) out.set(rec.data.id, licensePrices(inv, rec, byLicense.get(rec.data.id) ?? [], problems, o.sources !== false));
  return out;
}

/** tierPrices without sources, with what they were made from: another inventory's (`pricesAlong`) can reuse them. */
export interface PricesBasis {
  inv: Inventory;
  byLicense: Map<string, Rec<Contract>[]>;
  prices: Map<string, Map<string, TierPrice>>;
}

/**
 * tierPrices of `inv` on a day without sources (`byLicense`: contractsByLicense(inv, day)), taking a license's
 * tiers from `earlier` (priced on the same day) where everything they are made of is the same data: org.yaml, the
 * license and its contracts in force, in the same order. lac diff prices both sides of a change, which share
 * the data of every file it did not touch (a thousand licenses, one changed contract). Problems are not collected.
 */
export function pricesAlong(inv: Inventory, byLicense: Map<string, Rec<Contract>[]>, earlier?: PricesBasis): PricesBasis {
  const sameOrg = earlier !== undefined && earlier.inv.org?.data === inv.org?.data;
  const prices = new Map<string, Map<string, TierPrice>>();
  for (const rec of inv.licenses.values()) {
    const id = rec.data.id;
    const contracts = byLicense.get(id) ?? [];
    const reused = sameOrg && earlier.inv.licenses.get(id)?.data === rec.data ? earlier.prices.get(id) : undefined;
    prices.set(id, reused && sameData(earlier!.byLicense.get(id) ?? [], contracts) ? reused : licensePrices(inv, rec, contracts, [], false));
  }
  return { inv, byLicense, prices };
}

const sameData = (a: Rec<Contract>[], b: Rec<Contract>[]) => a.length === b.length && a.every((r, i) => r.data === b[i]!.data);

function licensePrices(inv: Inventory, license: Rec<License>, contracts: Rec<Contract>[], problems: PriceProblem[], withSources: boolean): Map<string, TierPrice> {
  const org = inv.org;
  const orgCurrency = org?.data.currency;
  const tiers = new Map<string, TierPrice>();
  const tierOf = (id: string): TierPrice => {
    let t = tiers.get(id);
    if (!t) tiers.set(id, (t = { tier: id, entitled: undefined, contractCost: undefined, unitCost: undefined, perSeat: false, sources: { entitled: [], cost: [] } }));
    return t;
  };
  const counted = new Map<string, number>();
  const toOrg = (amount: Micros, currency: string, t: TierPrice): Micros => {
    const sources = t.sources.cost;
    if (!orgCurrency || currency === orgCurrency) return amount;
    const rates = org.data.exchange_rates ?? {};
    if (rates[currency] === undefined) {
      problems.push({ license: license.data.id, message: `no exchange rate for ${currency} in org.yaml: ${license.data.id} costs in ${currency} are left out` });
      t.unknown = `no exchange rate for ${currency} in org.yaml (exchange_rates)`;
      return 0n;
    }
    if (withSources) sources.push(recordSource(org, ['exchange_rates', currency], `exchange rate ${currency} → ${orgCurrency}: ${rates[currency]}`));
    return convert(amount, currency, orgCurrency, rates);
  };
  for (const c of [...contracts].sort((a, b) => (a.data.id < b.data.id ? -1 : 1))) {
    c.data.lines.forEach((line, i) => {
      if (line.license !== license.data.id) return;
      const t = tierOf(line.tier);
      const src = withSources ? recordSource(c, ['lines', i], `contract ${c.data.id} lines[${i}]: ${line.quantity} × ${line.unit_price} ${c.data.currency} per ${line.price_period ?? 'year'}`) : undefined;
      if (src) t.sources.cost.push(src);
      const cost = toOrg(annualLineCost(line, c.data), c.data.currency, t);
      t.contractCost = (t.contractCost ?? 0n) + cost;
      // A maintenance line adds its cost to the seats bought elsewhere; it entitles none itself.
      if (!entitlesSeats(line)) return;
      if (src) t.sources.entitled.push(src);
      const q = line.quantity === 'unlimited' ? Infinity : line.quantity;
      t.entitled = (t.entitled ?? 0) + q;
      if (line.quantity !== 'unlimited') counted.set(line.tier, (counted.get(line.tier) ?? 0) + line.quantity);
    });
  }
  for (const t of tiers.values()) {
    const n = counted.get(t.tier) ?? 0;
    if (t.contractCost !== undefined && n > 0 && t.entitled !== Infinity) t.unitCost = divRound(t.contractCost, BigInt(n));
  }
  license.data.tiers.forEach((tier, i) => {
    const t = tierOf(tier.id);
    if (t.contractCost !== undefined || tier.list_price === undefined) return;
    // A list price is "in the license's contract currency"; with no contract in force, the org's.
    t.unitCost = parseAmount(tier.list_price);
    if (withSources) t.sources.cost.push(recordSource(license, ['tiers', i, 'list_price'], `list price of ${tier.id}: ${tier.list_price} per seat and year`));
  });
  const uncounted = UNCOUNTED_TYPES.has(license.data.type);
  for (const t of tiers.values()) t.perSeat = !uncounted && t.unitCost !== undefined && t.entitled !== Infinity;
  return tiers;
}
