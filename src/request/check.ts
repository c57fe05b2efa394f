// Checks a parsed request against the inventory: who, which license and tier, whether policy and
// the person's current seats allow it. Pure: a function of the inventory, the form and a day.
import { forbiddenBy, policiesOf } from '../analysis/access.ts';
import { leaverStatus } from '../analysis/leaver.ts';
import type { Inventory } from '../inventory/model.ts';
import type { License, Person, Tier } from '../inventory/schema/index.ts';
import { buildIdentityIndex } from '../usage/match/identity.ts';
import { isIsoDate, maxDate, type IsoDate } from '../util/dates.ts';
import { mdCode, mdText } from '../util/escape/markdown.ts';
import { didYouMean } from '../util/suggest.ts';
import type { ParsedForm } from './form.ts';
import { seatSupply, type Supply } from './supply.ts';

/** A valid request: the seat to add. */
export interface RequestedSeat {
  person: Person;
  license: License;
  tier: Tier;
  /** The seat's `since`: the day needed, or today when that is earlier. */
  since: IsoDate;
  /** The reason as the requester wrote it (bounded; escape it where shown). */
  reason: string;
  supply: Supply;
}

/** Either the seat, or every problem as one markdown line each (data escaped). */
export type Verdict = { ok: true; seat: RequestedSeat } | { ok: false; problems: string[] };

/** A value from the issue, shown escaped and short. */
const shown = (value: string) => mdCode(value.length > 80 ? `${value.slice(0, 80)}…` : value);
const hint = (value: string, candidates: Iterable<string>) => {
  const s = didYouMean(value, candidates);
  return s ? ` Did you mean ${mdCode(s)}?` : '';
};

function findPerson(inv: Inventory, key: string): { person?: Person; problem?: string } {
  const direct = inv.people.get(key)?.data;
  if (direct) return { person: direct };
  const index = buildIdentityIndex([...inv.people.values()].map((p) => p.data));
  const id = index.find(key);
  if (id) return { person: inv.people.get(id)!.data };
  if (index.ambiguous.has(key.trim().toLowerCase())) return { problem: `${shown(key)} names more than one person in inventory/people.yaml: give their person ID.` };
  return { problem: `No person ${shown(key)} in inventory/people.yaml (by ID, email or alias).${hint(key, inv.people.keys())} New joiners appear once the people pull request adds them.` };
}

/** Why a person cannot get a new seat now, if they cannot. */
function inactive(person: Person, today: IsoDate): string | undefined {
  const leaver = leaverStatus(person, today);
  const who = `${mdText(person.name)} (${mdCode(person.id)})`;
  if (leaver?.state === 'left') return `${who} has left${leaver.on ? ` (on ${leaver.on})` : ''}: leavers get no new seats.`;
  if (leaver?.state === 'leaving') return `${who} is leaving on ${leaver.on}: leavers get no new seats.`;
  if (person.status === 'on-leave') return `${who} is on leave: ask again when they are back.`;
  return undefined;
}

/** The verdict on a request; `pending` counts the seats other open requests would add, by license and tier. */
export function checkRequest(inv: Inventory, form: ParsedForm, today: IsoDate, pending: (license: string, tier: string) => number = () => 0): Verdict {
  const problems = form.problems.map((p) => (p.problem === 'missing' ? `The field **${p.label}** is empty: fill it in.` : `The field **${p.label}** appears twice: keep one.`));
  const v = form.values;
  const found = v.person === undefined ? {} : findPerson(inv, v.person);
  if (found.problem) problems.push(found.problem);
  const person = found.person;
  const why = person && inactive(person, today);
  if (why) problems.push(why);
  const license = v.license === undefined ? undefined : inv.licenses.get(v.license)?.data;
  if (v.license !== undefined && !license) problems.push(`No license ${shown(v.license)} in inventory/licenses/.${hint(v.license, inv.licenses.keys())}`);
  if (license?.retired !== undefined) problems.push(`${mdText(license.name)} (${mdCode(license.id)}) is retired${license.retired < today ? ` since ${license.retired}` : ` on ${license.retired}`}: it takes no new seats.`);
  const tier = license && v.tier !== undefined ? license.tiers.find((t) => t.id === v.tier) : undefined;
  if (license && v.tier !== undefined && !tier) problems.push(`${mdText(license.name)} has no tier ${shown(v.tier)}; its tiers are ${license.tiers.map((t) => mdCode(t.id)).join(', ')}.`);
  const neededFrom = v['needed-from'];
  if (neededFrom !== undefined && !isIsoDate(neededFrom)) problems.push(`**Needed from** ${shown(neededFrom)} is not a date: write it as YYYY-MM-DD, or leave it empty.`);
  if (person && !why && license && tier) {
    const by = forbiddenBy(policiesOf(inv), person, license.id, tier.id);
    if (by) problems.push(`Access policy ${mdCode(by.policy)} forbids ${mdText(person.name)} a ${mdCode(tier.id)} seat of ${mdText(license.name)}.`);
    const held = inv.assignments.get(license.id)?.seats.find((s) => s.person === person.id);
    if (held) problems.push(`${mdText(person.name)} already holds a ${mdCode(held.tier)} seat of ${mdText(license.name)} (since ${held.since})${held.tier === tier.id ? '' : ': a change of tier is a pull request to the assignments file'}.`);
  }
  if (problems.length > 0 || !person || !license || !tier || v.reason === undefined) return { ok: false, problems };
  // A joiner's seat starts on their first day at the earliest.
  const since = [neededFrom, person.start].reduce<IsoDate>((a, b) => (b === undefined ? a : maxDate(a, b)), today);
  return { ok: true, seat: { person, license, tier, since, reason: v.reason, supply: seatSupply(inv, today, license.id, tier.id, pending(license.id, tier.id)) } };
}
