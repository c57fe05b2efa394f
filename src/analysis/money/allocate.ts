// The one allocation method of lac: every amount that is shared out (a tier's annual cost over
// its seat groups, a contract line's period spend over who held its seats) is shared by
// largest remainder (Hamilton), in whole minor units of the org currency, so that every row and
// every subtotal shown is a sum of integer shares and adds up exactly.
import { divRound, minorDigits, type Micros } from '../../util/money.ts';

/** The method, as the report and the site state it. */
export const ALLOCATION_METHOD =
  'Each license tier\'s annual cost (for a period: the spend its contract lines accrued in each month of it, each line rounded to the minor unit) is rounded to the minor unit of the currency, then shared among its seat groups (license × tier × department × cost centre, and the seats nobody holds) in proportion to seats (for a period: seat-days in that month, from who held each seat on each day) by largest remainder (Hamilton): each group gets the whole minor units of its exact share, and the units left over go one each to the groups with the largest remainders, ties to the lower key. Every row and subtotal is a sum of these shares, so all sums are exact, and a year\'s months add up to the year in every row.';

/**
 * Largest remainder (Hamilton): shares `total` (a whole number) out in proportion to `weights`
 * (non-negative). Each share is the floor or the ceiling of its exact share and they add up to
 * `total`; the leftover units go to the largest remainders, ties to the smaller key.
 */
export function largestRemainder(total: bigint, weights: readonly bigint[], keys: readonly string[]): bigint[] {
  const w = weights.reduce((a, b) => a + b, 0n);
  if (w <= 0n) return weights.map(() => 0n);
  const shares = weights.map((x) => (total * x) / w);
  let left = total - shares.reduce((a, b) => a + b, 0n);
  if (left === 0n) return shares;
  const order = weights.map((x, i) => ({ i, rest: (total * x) % w })).sort((a, b) => (a.rest === b.rest ? (keys[a.i]! < keys[b.i]! ? -1 : keys[a.i]! > keys[b.i]! ? 1 : 0) : a.rest > b.rest ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    shares[i] = shares[i]! + 1n;
    left -= 1n;
  }
  return shares;
}

/** Micros in one minor unit of a currency (10,000 for EUR, 1,000,000 for JPY). */
export const minorUnit = (currency: string): bigint => 10n ** BigInt(6 - minorDigits(currency));

/** An amount rounded to the currency's minor unit (half away from zero), still in micros. */
export const roundToMinor = (amount: Micros, currency: string): Micros => divRound(amount, minorUnit(currency)) * minorUnit(currency);

/** Shares an amount (micros) out by largest remainder in whole minor units; the parts (micros) add up to the amount rounded to the minor unit. */
export function allocate(amount: Micros, weights: readonly bigint[], keys: readonly string[], currency: string): Micros[] {
  const unit = minorUnit(currency);
  return largestRemainder(divRound(amount, unit), weights, keys).map((m) => m * unit);
}
