import { discoverySummary } from '../../analysis/discovery/summary.ts';
import type { Inventory } from '../../inventory/model.ts';
import { toDecimal } from '../../util/money.ts';

/** Discovery on the site: the same figures as `lac report` (src/analysis/discovery/summary.ts), money as decimal strings. */
export interface DiscoveryView {
  from: string;
  to: string;
  contracted: string;
  expensed: string;
  declaredVendors: string;
  undeclaredSpend: string;
  apps: { source: string; app: string; name: string; users: number; allUsers: boolean; spend90d: string | null; recurring: boolean }[];
}

/** Null when the repository has no discovery snapshot. */
export function discoveryView(inv: Inventory, today: string): DiscoveryView | null {
  const d = discoverySummary(inv, today);
  if (!d) return null;
  const dec = (v: bigint) => toDecimal(v, d.spend.currency);
  return {
    from: d.spend.from,
    to: d.spend.to,
    contracted: dec(d.spend.contracted),
    expensed: dec(d.spend.expensed),
    declaredVendors: dec(d.spend.declaredVendors),
    undeclaredSpend: dec(d.spend.undeclared),
    apps: d.undeclared.map((a) => ({ source: a.source, app: a.app, name: a.name, users: a.users, allUsers: a.allUsers, spend90d: a.spend90d === undefined ? null : dec(a.spend90d), recurring: a.recurring })),
  };
}
