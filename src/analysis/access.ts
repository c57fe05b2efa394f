// What access policies say about one person: the seats they should hold and the ones they must
// not. One definition, read by the policy rules and by `lac provision`.
import type { Inventory } from '../inventory/model.ts';
import type { Person, Policy } from '../inventory/schema/index.ts';
import type { IsoDate } from '../util/dates.ts';

/** A seat a policy asks for (or forbids). */
export interface PolicySeatRef {
  license: string;
  /** Undefined in a forbid: every tier. */
  tier: string | undefined;
  policy: string;
}

const globCache = new Map<string, RegExp>();
/** `*` matches any run of characters; the comparison ignores case. */
function glob(pattern: string): RegExp {
  let re = globCache.get(pattern);
  if (!re) globCache.set(pattern, (re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i')));
  return re;
}

const anyOf = (patterns: string[] | undefined, value: string | undefined) => patterns === undefined || (value !== undefined && patterns.some((p) => glob(p).test(value)));

/** Whether a policy is about a person: every condition holds and the person is not an exception. */
export function policyApplies(policy: Policy, person: Person): boolean {
  const m = policy.match;
  if (policy.except?.includes(person.id)) return false;
  return (
    (m.departments === undefined || (person.department !== undefined && m.departments.includes(person.department))) &&
    anyOf(m.titles, person.title) &&
    anyOf(m.locations, person.location) &&
    anyOf(m.employment_types, person.employment_type) &&
    (m.groups === undefined || (person.groups ?? []).some((g) => anyOf(m.groups, g)))
  );
}

/** Whether a person should hold seats on a day: started, not left. */
export const inPolicyScope = (person: Person, day: IsoDate): boolean =>
  person.status !== 'leaver' && (person.start === undefined || person.start <= day) && (person.end === undefined || person.end >= day);

/** The seats the policies grant a person, one per license and tier (the first policy wins). */
export function grantedSeats(policies: Iterable<Policy>, person: Person): PolicySeatRef[] {
  const out = new Map<string, PolicySeatRef>();
  for (const policy of policies) {
    if (!policyApplies(policy, person)) continue;
    for (const g of policy.grant ?? []) if (g.tier !== undefined && !out.has(`${g.license}\0${g.tier}`)) out.set(`${g.license}\0${g.tier}`, { license: g.license, tier: g.tier, policy: policy.id });
  }
  return [...out.values()];
}

/** The policy that forbids a person this seat, if any. */
export function forbiddenBy(policies: Iterable<Policy>, person: Person, license: string, tier: string): PolicySeatRef | undefined {
  for (const policy of policies) {
    if (!policyApplies(policy, person)) continue;
    const hit = (policy.forbid ?? []).find((f) => f.license === license && (f.tier === undefined || f.tier === tier));
    if (hit) return { license, tier: hit.tier, policy: policy.id };
  }
  return undefined;
}

/** Each person's seats: license, tier and the seat's position in its file's list. */
export function seatsByPerson(inv: Inventory): Map<string, { license: string; tier: string; index: number }[]> {
  const out = new Map<string, { license: string; tier: string; index: number }[]>();
  for (const list of inv.assignments.values()) {
    list.seats.forEach((seat, index) => {
      if (seat.person === undefined) return;
      const held = out.get(seat.person) ?? [];
      held.push({ license: list.license, tier: seat.tier, index: list.index[index]! });
      out.set(seat.person, held);
    });
  }
  return out;
}

/** The policies' data, in file-name order. */
export const policiesOf = (inv: Inventory): Policy[] => [...inv.policies.values()].map((p) => p.data).sort((a, b) => (a.id < b.id ? -1 : 1));

/** Days after the end date by which a leaver's seats must be gone (org.yaml), or undefined when the org sets none. */
export const removalDays = (inv: Inventory): number | undefined => inv.org?.data.policies?.offboarding?.removal_days;
