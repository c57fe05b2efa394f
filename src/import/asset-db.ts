import { parseAmount } from '../util/money.ts';
import { addDays, addMonths } from '../util/dates.ts';
import { DEFAULT_TIER } from './sheet/records.ts';
import { emptyBatch, type Batch } from './types.ts';

/** A license as an asset database (Snipe-IT, GLPI) keeps it: a total purchase cost for a number of seats, and who holds them. */
export interface AssetLicense {
  /** Where it came from, for the report: "Snipe-IT license 12". */
  where: string;
  name: string;
  vendor?: string;
  seats: number | 'unlimited';
  /** The purchase cost of all seats, a plain decimal. */
  cost?: string | undefined;
  currency: string;
  start?: string;
  end?: string;
  orderNumber?: string;
  /** Why part of it (a cost) could not be imported, for the report. */
  note?: string;
  /** Seat holders; `why` when the seat cannot be imported (checked out to a device). */
  holders: { where: string; name?: string; email?: string; why?: string }[];
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The price of one seat when the total divides exactly (to the micro-unit); undefined when it does not, so no price is rounded silently. */
function unitPrice(cost: string, seats: number): string | undefined {
  const total = parseAmount(cost);
  if (seats <= 0 || total % BigInt(seats) !== 0n) return undefined;
  return microsText(total / BigInt(seats));
}

/** Non-negative micros as a decimal with at least two and at most six places ("240.00", "0.125"). */
export function microsText(micros: bigint): string {
  const fraction = (micros % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '').padEnd(2, '0');
  return `${micros / 1_000_000n}.${fraction}`;
}

/** Turns asset-database licenses into a batch: a license and vendor each, a contract when there is a term, seats for holders with an email. */
export function assetBatch(licenses: AssetLicense[], today: string): Batch {
  const batch = emptyBatch();
  for (let l of licenses) {
    const vendor = l.vendor ?? l.name;
    if (l.note) batch.skipped.push({ where: l.where, why: l.note });
    batch.vendors.push({ name: vendor });
    batch.licenses.push({ name: l.name, vendor, tiers: [DEFAULT_TIER] });
    if (l.cost !== undefined && !/^\d{1,9}(\.\d{1,6})?$/.test(l.cost)) {
      batch.skipped.push({ where: l.where, why: `the purchase cost "${l.cost}" is not a plain amount; the license is imported without a contract` });
      l = { ...l, cost: undefined };
    }
    const start = l.start ?? (l.end ? addMonths(addDays(l.end, 1), -12) : undefined);
    if (start && l.cost === undefined) {
      // A missing cost is not a price of 0: no contract is written rather than a wrong amount.
      if (!l.note) batch.skipped.push({ where: l.where, why: 'has a term but no purchase cost: no contract is written (lac needs a price); record the cost in the source, or write the contract by hand' });
    } else if (start && l.cost !== undefined) {
      const price = l.seats === 'unlimited' ? undefined : unitPrice(l.cost, l.seats);
      if (price === undefined) batch.skipped.push({ where: l.where, why: `the purchase cost ${l.cost} ${l.currency} is not an exact price per seat over ${l.seats} seats; the license is imported without a contract: write its contract by hand` });
      else batch.contracts.push({ vendor, title: `${l.name}${l.end ? ` until ${l.end}` : ''}`, currency: l.currency, start, ...(l.end ? { end: l.end } : {}), ...(l.orderNumber ? { orderNumber: l.orderNumber } : {}), lines: [{ license: l.name, tier: DEFAULT_TIER, quantity: l.seats, unitPrice: price }] });
    } else if (l.cost !== undefined) batch.skipped.push({ where: l.where, why: 'has a purchase cost but no purchase or expiration date: a contract needs its term; the license is imported without one' });
    for (const h of l.holders) {
      if (h.why) batch.skipped.push({ where: h.where, why: h.why });
      else if (!h.email || !EMAIL.test(h.email)) {
        batch.skipped.push({ where: h.where, why: `held by ${h.name ? `"${h.name}"` : 'a user'} without an email address; add the email in the source, or assign the seat by hand` });
      }
      if (h.why || !h.email || !EMAIL.test(h.email)) continue;
      const email = h.email.toLowerCase();
      batch.people.push({ name: h.name ?? email, email });
      batch.seats.push({ license: l.name, vendor, tier: DEFAULT_TIER, email, since: today });
    }
  }
  return batch;
}
