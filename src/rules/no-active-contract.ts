import { termStatus } from '../analysis/terms.ts';
import { locate } from '../inventory/model.ts';
import { count, isRetired, listSrc } from './describe.ts';
import type { Rule } from './rule.ts';

/**
 * Every license type needs a contract in force to hold seats: site, concurrent and usage-based
 * ones too (whatever their quantities, the right to use comes from a contract). A perpetual
 * license is covered by its purchase written as a contract without `end`; a maintenance contract
 * that ended does not cover it. Retired licenses are left to retired-license-has-seats.
 */
export const noActiveContract: Rule = {
  id: 'no-active-contract',
  severity: 'error',
  doc: 'Seats are assigned to a license that no contract in force today covers: use without a right to use.',
  check({ inv, today, entitlements }, emit) {
    for (const list of inv.assignments.values()) {
      const license = inv.licenses.get(list.license)?.data;
      if (!license || list.seats.length === 0 || isRetired(license, today) || entitlements.has(list.license)) continue;
      let ended: { id: string; end: string } | undefined;
      let next: { id: string; start: string } | undefined;
      for (const { data: c } of inv.contracts.values()) {
        if (!c.lines.some((l) => l.license === list.license)) continue;
        const st = termStatus(c, today);
        if (st.state === 'future' && (!next || c.start < next.start)) next = { id: c.id, start: c.start };
        if (st.state === 'expired' && c.end && (!ended || c.end > ended.end)) ended = { id: c.id, end: c.end };
      }
      const why = [ended && `${ended.id} ended on ${ended.end}`, next && `${next.id} starts on ${next.start}`].filter(Boolean).join('; ') || 'no contract names it';
      emit({
        loc: locate(listSrc(list), ['license']),
        message: `${count(list.seats.length, 'seat')} of ${list.license} assigned, but no contract in force on ${today} covers ${list.license} (${why})`,
        hint: `add or renew the contract for ${list.license} in inventory/contracts/ (a perpetual purchase is a contract without \`end\`), or remove the seats`,
      });
    }
  },
};
