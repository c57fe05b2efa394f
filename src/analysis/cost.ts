import type { Contract, ContractLine, Org } from '../inventory/schema/index.ts';
import { convert, parseAmount, ratio, type Micros } from '../util/money.ts';
import { termMonths } from './terms.ts';

/** Whether a line entitles seats: a maintenance line only pays support for seats bought elsewhere. */
export const entitlesSeats = (line: ContractLine): boolean => line.maintenance !== true;

/** The recurring cost of one seat for a year, in the contract currency (0 for one-time prices). */
export function annualUnitPrice(line: ContractLine, contract: Contract): Micros {
  const price = parseAmount(line.unit_price);
  switch (line.price_period ?? 'year') {
    case 'month':
      return price * 12n;
    case 'year':
      return price;
    case 'term': {
      const months = termMonths(contract) ?? 12;
      return ratio(price, 12, months);
    }
    case 'one-time':
      return 0n;
  }
}

/** A contract line's annual cost (all its seats) in the contract currency; unlimited lines count once. */
export function annualLineCost(line: ContractLine, contract: Contract): Micros {
  const seats = line.quantity === 'unlimited' ? 1 : line.quantity;
  return annualUnitPrice(line, contract) * BigInt(seats);
}

/** One-time price of a line (perpetual purchases), in the contract currency. */
export function oneTimeLineCost(line: ContractLine): Micros {
  if (line.price_period !== 'one-time') return 0n;
  const seats = line.quantity === 'unlimited' ? 1 : line.quantity;
  return parseAmount(line.unit_price) * BigInt(seats);
}

/** Converts a contract-currency amount into the org currency (rates from org.yaml). */
export function toOrgCurrency(amount: Micros, contract: Contract, org: Org | undefined): Micros {
  if (!org) return amount;
  return convert(amount, contract.currency, org.currency, org.exchange_rates ?? {});
}

/** Tiers of a license that every contract line in force prices at zero (free viewers, guests). */
export function freeTiers(contracts: readonly { data: Contract }[], license: string): Set<string> {
  const priced = new Map<string, boolean>();
  for (const c of contracts) {
    for (const line of c.data.lines) {
      if (line.license !== license) continue;
      priced.set(line.tier, (priced.get(line.tier) ?? false) || parseAmount(line.unit_price) > 0n);
    }
  }
  return new Set([...priced].filter(([, paid]) => !paid).map(([tier]) => tier));
}
