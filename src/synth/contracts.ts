import type { Contract, ContractLine } from '../inventory/schema/index.ts';
import { cancelBy, termStatus } from '../analysis/terms.ts';
import { addDays, addMonths, daysBetween } from '../util/dates.ts';
import type { SynthSeats } from './assignments.ts';
import type { SynthLicense } from './licenses.ts';
import type { SynthPeople } from './people.ts';
import type { Random } from './random.ts';

/** Currencies contracts are signed in, with the org's exchange rates into USD. */
export const ORG_CURRENCY = 'USD';
export const EXCHANGE_RATES: Record<string, string> = { EUR: '1.08', GBP: '1.27', CHF: '1.12', JPY: '0.0067', CAD: '0.73' };
const CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'JPY', 'CAD'] as const;
const CURRENCY_WEIGHTS = [60, 22, 10, 3, 2, 3];
const TERMS = [12, 24, 36, 1] as const;
const TERM_WEIGHTS = [62, 13, 15, 10];
/** Seat types whose contracts count seats against a quantity (the over-assigned rule looks at these). */
const COUNTED = new Set(['subscription', 'named-user', 'device', 'perpetual']);

/**
 * One contract in force today per license (some with the expired contract they renewed), with
 * realistic terms: auto-renew, notice periods, multi-year terms, a few currencies, headroom over
 * the seats assigned. With `problems`, two tiers are bought short and one contract lacks a rate.
 */
export function makeContracts(rng: Random, licenses: SynthLicense[], seats: SynthSeats[], people: SynthPeople, today: string, problems: boolean): Contract[] {
  const finance = people.list.filter((p) => p.department === 'finance' && p.status === 'active').map((p) => p.id);
  const signer = () => (finance.length > 0 ? rng.pick(finance) : people.list[0]!.id);
  const short = problems ? shortLicenses(rng, licenses, seats) : new Set<number>();
  const out: Contract[] = [];
  licenses.forEach((l, i) => {
    const counts = tierCounts(l, seats[i]!);
    const current = l.license.type === 'perpetual' ? perpetual(rng, l, counts, today, signer) : subscription(rng, l, counts, today, signer, short.has(i));
    if (problems && i === licenses.length - 1 && !l.core) current.currency = 'SEK';
    if (l.license.type !== 'perpetual' && (current.term_months ?? 12) >= 12 && rng.chance(0.3)) {
      const prev = previous(rng, current, signer);
      current.previous = prev.id;
      out.push(prev);
    }
    out.push(current);
  });
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

function tierCounts(l: SynthLicense, s: SynthSeats): Map<string, number> {
  const counts = new Map(l.license.tiers.map((t) => [t.id, 0]));
  for (const seat of s.seats) counts.set(seat.tier, (counts.get(seat.tier) ?? 0) + 1);
  return counts;
}

/** Two counted licenses with enough seats get a first tier bought a few seats short. */
function shortLicenses(rng: Random, licenses: SynthLicense[], seats: SynthSeats[]): Set<number> {
  const candidates = licenses.map((_, i) => i).filter((i) => !licenses[i]!.core && COUNTED.has(licenses[i]!.license.type) && licenses[i]!.license.type !== 'perpetual' && seats[i]!.seats.length >= 20);
  const out = new Set<number>();
  while (out.size < Math.min(2, candidates.length)) out.add(rng.pick(candidates));
  return out;
}

const price = (rng: Random, currency: string, base: number) => {
  const amount = base * (currency === 'JPY' ? 150 : 1);
  return currency === 'JPY' ? String(Math.round(amount)) : amount.toFixed(2);
};

function lines(rng: Random, l: SynthLicense, counts: Map<string, number>, currency: string, period: ContractLine['price_period'] | undefined, short: boolean): ContractLine[] {
  const type = l.license.type;
  return l.license.tiers.map((t, i) => {
    const n = counts.get(t.id) ?? 0;
    const base = (type === 'site' ? 40000 : 4 + rng.int(0, 40)) * (i === 0 ? 1 : 0.5) * (period === 'month' ? 1 / 12 : 1);
    const line = { license: l.license.id, tier: t.id } as ContractLine;
    if (type === 'site') line.quantity = 'unlimited';
    else if (type === 'concurrent') line.quantity = Math.max(1, Math.ceil(n * 0.3));
    else if (short && i === 0) line.quantity = Math.max(0, n - rng.int(1, 5));
    else line.quantity = n === 0 ? rng.int(0, 5) : Math.ceil(n * (1 + rng.next() * 0.25)) + rng.int(0, 3);
    if (type !== 'site' && !short && typeof line.quantity === 'number' && line.quantity >= 20 && rng.chance(0.1)) {
      line.pack_size = rng.pick([5, 10, 25]);
      line.quantity = Math.ceil(line.quantity / line.pack_size) * line.pack_size;
    }
    line.unit_price = price(rng, currency, type === 'site' ? base : Math.round(base * 100) / 100);
    if (type === 'site') line.price_period = 'term';
    else if (period && (period !== 'year' || rng.chance(0.5))) line.price_period = period;
    return line;
  });
}

function subscription(rng: Random, l: SynthLicense, counts: Map<string, number>, today: string, signer: () => string, short: boolean): Contract {
  const months = rng.weighted(TERMS, TERM_WEIGHTS);
  const autoRenew = months === 1 || rng.chance(0.7);
  // Kept files show the term in force; now and then an auto-renewing one has rolled unnoticed.
  const start = autoRenew && rng.chance(0.01) ? addDays(addMonths(today, -months * rng.int(1, 3)), -rng.int(1, 25 * months)) : addDays(today, -rng.int(0, 28 * months));
  const end = addDays(addMonths(start, months), -1);
  const currency = rng.weighted(CURRENCIES, CURRENCY_WEIGHTS);
  const year = start.slice(0, 4);
  const c = { id: `${l.license.id}-${year}`, vendor: l.license.vendor } as Contract;
  c.title = `${l.license.name} ${months > 12 ? `${year}-${String(Number(year) + months / 12).slice(2)}` : year}`;
  if (l.license.owner) c.owner = l.license.owner;
  c.currency = currency;
  c.start = start;
  c.end = end;
  if (months !== 12 && rng.chance(0.3)) c.term_months = months;
  c.auto_renew = autoRenew;
  const notice = rng.next();
  if (notice < 0.6) c.notice = { days: rng.pick([30, 60, 90]) };
  else if (notice < 0.8) c.notice = { months: rng.pick([1, 3]) };
  c.billing_period = months === 1 ? 'monthly' : months > 12 && rng.chance(0.5) ? 'multi-year' : rng.chance(0.15) ? 'quarterly' : 'annual';
  paperwork(rng, c, start, signer);
  c.lines = lines(rng, l, counts, currency, months === 1 ? 'month' : 'year', short);
  decide(rng, c, today);
  return c;
}

/**
 * A license manager records the renewal decision once the cancel-by date is near; one time in
 * twenty-five it is still open (a renewal-decision finding), sometimes as an explicit `undecided`.
 */
function decide(rng: Random, c: Contract, today: string): void {
  const status = termStatus(c, today);
  if (!status.term || status.rolls > 0) return;
  const left = daysBetween(today, cancelBy(status.term, c.notice));
  if (left > 75) return;
  if (rng.chance(0.04)) {
    if (rng.chance(0.5)) c.renewal = { decision: 'undecided' };
    return;
  }
  const decidedOn = addDays(today, -rng.int(1, Math.max(1, Math.min(60, daysBetween(c.start, today)))));
  c.renewal = { decision: rng.weighted(['renew', 'renegotiate', 'cancel'] as const, [75, 20, 5]), ...(c.owner ? { decided_by: c.owner } : {}), decided_on: decidedOn < c.start ? c.start : decidedOn };
}

/** A perpetual purchase: one-time, no end; the license gets a maintenance term paid by it. */
function perpetual(rng: Random, l: SynthLicense, counts: Map<string, number>, today: string, signer: () => string): Contract {
  const start = addDays(today, -rng.int(200, 2500));
  const currency = rng.weighted(CURRENCIES, CURRENCY_WEIGHTS);
  const c = { id: `${l.license.id}-perpetual`, vendor: l.license.vendor, title: `${l.license.name} perpetual licenses` } as Contract;
  if (l.license.owner) c.owner = l.license.owner;
  c.currency = currency;
  c.start = start;
  c.billing_period = 'one-time';
  paperwork(rng, c, start, signer);
  c.lines = lines(rng, l, counts, currency, 'one-time', false).map((line) => ({ ...line, unit_price: price(rng, currency, 300 + rng.int(0, 2000)) }));
  // Maintenance renewed year by year up to the current year; one in ten lapsed.
  let years = 1;
  while (addDays(addMonths(start, 12 * years), -1) < today) years++;
  if (rng.chance(0.1)) years = Math.max(1, years - rng.int(1, 2));
  const end = addDays(addMonths(start, 12 * years), -1);
  l.license.maintenance = { start: addMonths(end, -12) < start ? start : addDays(addMonths(end, -12), 1), end, contract: c.id };
  return c;
}

function paperwork(rng: Random, c: Contract, start: string, signer: () => string): void {
  if (rng.chance(0.8)) c.po_number = `PO-${start.slice(0, 4)}-${String(rng.int(1, 99999)).padStart(5, '0')}`;
  if (rng.chance(0.5)) c.order_number = `Q-${rng.int(100000, 999999)}`;
  c.signed = addDays(start, -rng.int(1, 20));
  c.signed_by = signer();
  if (rng.chance(0.6)) {
    c.documents = [{ title: 'Order form', url: `https://docs.synth.example/contracts/${c.id}/order-form.pdf` }];
    if (rng.chance(0.4)) c.documents.push({ title: 'Master subscription agreement', url: `https://docs.synth.example/contracts/${c.id}/msa.pdf` });
  }
}

/** The expired contract that `current` renewed: the term before it, not auto-renewing. */
function previous(rng: Random, current: Contract, signer: () => string): Contract {
  const months = current.term_months ?? 12;
  const end = addDays(current.start, -1);
  const start = addMonths(current.start, -months);
  const id = `${current.id.replace(/-\d{4}$/, '')}-${start.slice(0, 4)}`;
  const c: Contract = { ...current, id, title: `${current.title ?? id} (previous term)`, start, end, auto_renew: false, renewal: { decision: 'renew' } };
  delete c.previous;
  c.lines = current.lines.map((line) => ({ ...line, quantity: typeof line.quantity === 'number' ? Math.max(0, line.quantity - rng.int(0, Math.ceil(line.quantity / 10))) : line.quantity }));
  if (c.po_number) c.po_number = `PO-${start.slice(0, 4)}-${String(rng.int(1, 99999)).padStart(5, '0')}`;
  c.signed = addDays(start, -rng.int(1, 20));
  c.signed_by = signer();
  return c;
}
