import { contractsByLicense, successorsOf } from '../analysis/entitlement.ts';
import { termStatus } from '../analysis/terms.ts';
import { locate } from '../inventory/model.ts';
import { contractName, isRetired } from './describe.ts';
import type { Rule } from './rule.ts';

/**
 * A contract whose term ended without renewing (no auto-renewal, or cancelled) and that nothing
 * follows: no contract names it in `previous:`, and no other contract in force or starting later
 * covers its licenses. Licenses retired by now need no successor. The same for every license
 * type; for a perpetual license this is the maintenance contract lapsing (see maintenance-expired).
 */
export const contractExpired: Rule = {
  id: 'contract-expired',
  severity: 'warning',
  doc: 'A contract ended and nothing follows it: renew it, or record that the product is retired.',
  check({ inv, today }, emit) {
    const successors = successorsOf(inv);
    const inForce = contractsByLicense(inv, today);
    const later = new Set<string>();
    for (const { data: c } of inv.contracts.values()) if (c.start > today) c.lines.forEach((l) => later.add(l.license));
    for (const { data: c, src } of inv.contracts.values()) {
      if (termStatus(c, today).state !== 'expired' || successors.has(c.id)) continue;
      const uncovered = [...new Set(c.lines.map((l) => l.license))].filter((id) => {
        const license = inv.licenses.get(id)?.data;
        if (license ? isRetired(license, today) : !inv.invalid.license.has(id)) return false;
        return !later.has(id) && !(inForce.get(id) ?? []).some((other) => other.data.id !== c.id);
      });
      if (uncovered.length === 0) continue;
      const why = c.auto_renew ? 'cancelled' : 'not auto-renewing';
      emit({
        loc: locate(src, ['end']),
        message: `contract ${contractName(c)} ended on ${c.end} (${why}) and no contract follows it for ${uncovered.join(', ')}`,
        hint: `add the contract that follows it (with \`previous: ${c.id}\`), or set \`retired:\` on ${uncovered.join(', ')} if no longer used`,
      });
    }
  },
};
