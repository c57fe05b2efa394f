import { leaverStatus, type LeaverStatus } from '../analysis/leaver.ts';
import { termStatus } from '../analysis/terms.ts';
import { locate, type Src } from '../inventory/model.ts';
import { contractName, isRetired, licenseName, who } from './describe.ts';
import type { Emitted, Rule } from './rule.ts';

/**
 * The owner of a license (not retired) or of a contract (not expired) has left: an error once
 * they are a leaver with no end date or their end date has passed, a warning while a leaver's
 * end date is still ahead. License types do not matter here.
 */
export const ownerIsLeaver: Rule = {
  id: 'owner-is-leaver',
  severity: 'error',
  doc: 'The owner of a license or contract has left (a warning while their end date is ahead): renewals and reclaims go unanswered.',
  check({ inv, today }, emit) {
    const check = (src: Src, what: string, owner: string | undefined) => {
      const person = owner === undefined ? undefined : inv.people.get(owner)?.data;
      const leaver = leaverStatus(person, today);
      if (!person || !leaver) return;
      emit(finding(locate(src, ['owner']), `the owner of ${what}, ${who(person)},`, leaver));
    };
    for (const { data: l, src } of inv.licenses.values()) if (!isRetired(l, today)) check(src, `license ${licenseName(l)}`, l.owner);
    for (const { data: c, src } of inv.contracts.values()) if (termStatus(c, today).state !== 'expired') check(src, `contract ${contractName(c)}`, c.owner);
  },
};

function finding(loc: Emitted['loc'], subject: string, leaver: LeaverStatus): Emitted {
  if (leaver.state === 'leaving') return { loc, severity: 'warning', message: `${subject} leaves on ${leaver.on}`, hint: 'hand it over to a new owner before then' };
  return { loc, message: `${subject} ${leaver.on ? `left on ${leaver.on}` : 'is a leaver'}`, hint: 'name a new owner who answers for it' };
}
