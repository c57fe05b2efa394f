// `lac provision`: the seat changes that follow from people and access policies. Pure: a
// function of the inventory and a day.
import { forbiddenBy, grantedSeats, inPolicyScope, policiesOf, seatsByPerson } from '../analysis/access.ts';
import type { Inventory } from '../inventory/model.ts';
import type { Person, Policy } from '../inventory/schema/index.ts';
import { addDays, type IsoDate } from '../util/dates.ts';
import { formatMoney, sum } from '../util/money.ts';
import { seatPrice, supplyFor, type Purchase } from './supply.ts';

export interface SeatAction {
  kind: 'add' | 'move' | 'drop' | 'remove';
  person: string;
  name: string;
  license: string;
  tier: string;
  /** For a move: the new tier. */
  to?: string;
  /** The day it takes effect: a joiner's start, a leaver's end, today plus a policy's grace. */
  effective: IsoDate;
  why: string;
  /** Position of the seat in its file's list, for moves, drops and removals. */
  index?: number;
  approval: 'automatic' | 'owner-review';
  /** An add that no free seat covers: it waits for a purchase instead of over-assigning. */
  unfunded?: boolean;
}

export interface ProvisionPlan {
  actions: SeatAction[];
  purchases: Purchase[];
  /** What removing leavers' paid seats saves a year, in the org currency ("486.00 EUR"); undefined when nothing. */
  leaverSaving?: string;
}

const DEFAULT_GRACE_DAYS = 14;

/** The licenses some policy grants, with the longest grace among those policies. */
function managedLicenses(policies: Policy[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of policies) for (const g of p.grant ?? []) out.set(g.license, Math.max(out.get(g.license) ?? 0, p.grace_days ?? DEFAULT_GRACE_DAYS));
  return out;
}

function approvalOf(policies: Policy[], id: string): SeatAction['approval'] {
  return policies.find((p) => p.id === id)?.approval ?? 'owner-review';
}

/** Seat changes for one person. */
function personActions(person: Person, held: { license: string; tier: string; index: number }[], policies: Policy[], managed: Map<string, number>, today: IsoDate): SeatAction[] {
  const base = { person: person.id, name: person.name };
  if (person.status === 'leaver' || (person.end !== undefined && person.end < today)) {
    const day = person.end ?? today;
    // A future end date is "leaving on", not "left": the seat goes on that day.
    const why = day > today ? `leaving on ${day}` : `left on ${day}`;
    return held.map((s) => ({ ...base, kind: 'remove', license: s.license, tier: s.tier, index: s.index, effective: day, why, approval: 'automatic' }));
  }
  const day = person.start !== undefined && person.start > today ? person.start : today;
  if (!inPolicyScope(person, day)) return [];
  const out: SeatAction[] = [];
  const wants = grantedSeats(policies, person);
  const kept = new Set<number>();
  for (const want of wants) {
    const has = held.find((s) => s.license === want.license && s.tier === want.tier);
    if (has) {
      kept.add(has.index);
      continue;
    }
    const other = held.find((s) => s.license === want.license && !kept.has(s.index) && !wants.some((w) => w.license === s.license && w.tier === s.tier));
    const approval = approvalOf(policies, want.policy);
    if (other) {
      kept.add(other.index);
      out.push({ ...base, kind: 'move', license: want.license, tier: other.tier, to: want.tier!, index: other.index, effective: day, why: `policy ${want.policy}`, approval });
    } else out.push({ ...base, kind: 'add', license: want.license, tier: want.tier!, effective: day, why: `policy ${want.policy}`, approval });
  }
  for (const s of held) {
    if (kept.has(s.index)) continue;
    const forbidden = forbiddenBy(policies, person, s.license, s.tier);
    if (forbidden) out.push({ ...base, kind: 'drop', license: s.license, tier: s.tier, index: s.index, effective: today, why: `forbidden by policy ${forbidden.policy}`, approval: approvalOf(policies, forbidden.policy) });
    else if (managed.has(s.license)) {
      out.push({ ...base, kind: 'drop', license: s.license, tier: s.tier, index: s.index, effective: addDays(today, managed.get(s.license)!), why: 'no policy grants it any more', approval: 'owner-review' });
    }
  }
  return out;
}

/** Every seat change people and policies call for, and what must be bought. */
export function planProvision(inv: Inventory, today: IsoDate): ProvisionPlan {
  const policies = policiesOf(inv);
  const managed = managedLicenses(policies);
  const held = seatsByPerson(inv);
  const actions: SeatAction[] = [];
  for (const rec of [...inv.people.values()].sort((a, b) => (a.data.id < b.data.id ? -1 : 1))) {
    const mine = (held.get(rec.data.id) ?? []).filter((s) => inv.licenses.has(s.license));
    actions.push(...personActions(rec.data, mine, policies, managed, today).filter((a) => inv.licenses.has(a.license)));
  }
  const purchases = supplyFor(inv, today, actions);
  const prices = actions.filter((a) => a.kind === 'remove').map((a) => seatPrice(inv, today, a.license, a.tier)).filter((p) => p !== undefined);
  const saving = sum(prices.map((p) => p.amount));
  const currency = inv.org?.data.currency ?? prices[0]?.currency;
  return { actions, purchases, ...(saving > 0n && currency ? { leaverSaving: formatMoney(saving, currency) } : {}) };
}
