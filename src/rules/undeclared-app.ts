import { undeclaredApps } from '../analysis/discovery/undeclared.ts';
import { formatMoney, parseAmount } from '../util/money.ts';
import type { Rule } from './rule.ts';

/**
 * An app a discovery source saw (inventory/discovered/) with at least `discovery.min_users` users,
 * an admin consent for everyone, or recurring spend, that no vendor (domain, alias, name) or
 * license declares and that org.yaml does not ignore.
 */
export const undeclaredApp: Rule = {
  id: 'undeclared-app',
  severity: 'warning',
  doc: 'Software in use (Okta, Google or Entra grants, expensed charges) that no vendor or license declares: adopt it, consolidate it, or block it.',
  check({ inv }, emit) {
    for (const row of undeclaredApps(inv)) {
      const { app } = row;
      const currency = inv.discovered.get(row.source)?.data.currency;
      const users = app.all_users ? 'everyone (an admin consented for all users)' : `${app.users} user${app.users === 1 ? '' : 's'}`;
      const spend = app.spend_90d !== undefined && currency ? `, ${formatMoney(parseAmount(app.spend_90d), currency)} in 90 days${app.recurring ? ' (recurring)' : ''}` : '';
      emit({
        loc: row.loc,
        message: `app "${app.name}" (${row.source}) is in use by ${users}${spend} and no vendor or license declares it`,
        hint: `add a vendor with \`domains:\` or \`aliases:\` that match it and a license, or add \`{ app: ${app.app}, reason: ... }\` to discovery.ignore in org.yaml`,
      });
    }
  },
};
