import type { Inventory } from '../../inventory/model.ts';
import type { IsoDate } from '../../util/dates.ts';
import { parseAmount, type Micros } from '../../util/money.ts';
import { expensedSpend, type ExpensedSpend } from './spend.ts';
import { discoveredApps, isUndeclared } from './undeclared.ts';

export interface UndeclaredAppSummary {
  source: string;
  app: string;
  name: string;
  users: number;
  allUsers: boolean;
  /** In the snapshot's currency (the org currency when it was written); absent for sources without spend. */
  spend90d?: Micros;
  recurring: boolean;
}

/** What the report and the site show about discovery: the undeclared apps and spend outside contracts. */
export interface DiscoverySummary {
  spend: ExpensedSpend;
  undeclared: UndeclaredAppSummary[];
}

/** Undefined when the repository has no discovery snapshot. */
export function discoverySummary(inv: Inventory, today: IsoDate): DiscoverySummary | undefined {
  if (inv.discovered.size === 0) return undefined;
  const rows = discoveredApps(inv);
  const undeclared = rows
    .filter(isUndeclared)
    .map((r) => ({
      source: r.source,
      app: r.app.app,
      name: r.app.name,
      users: r.app.users,
      allUsers: r.app.all_users === true,
      ...(r.app.spend_90d !== undefined ? { spend90d: parseAmount(r.app.spend_90d) } : {}),
      recurring: r.app.recurring === true,
    }));
  return { spend: expensedSpend(inv, rows, today), undeclared };
}
