import type { UsageAccount } from '../types.ts';
import { compact } from '../shared/accounts.ts';
import { dayOf, latestDay } from '../shared/dates.ts';
import type { GraphUser, Sku } from './graph.ts';
import type { ReportActivity } from './reports.ts';

/**
 * Resolves a SKU to a tier: `tiers` may be keyed by skuId or skuPartNumber (e.g. `SPE_E3`).
 * With no `tiers` mapping every SKU counts, named by its part number.
 */
export function tierOf(skuId: string, skus: Map<string, Sku>, tiers: Map<string, string>): string | undefined {
  const partNumber = skus.get(skuId)?.partNumber;
  if (tiers.size === 0) return partNumber ?? skuId;
  return tiers.get(skuId) ?? (partNumber === undefined ? undefined : tiers.get(partNumber));
}

/** Entitled units per tier: the sum of `prepaidUnits.enabled` over the SKUs of each tier. */
export function entitledByTier(skus: Sku[], tiers: Map<string, string>): Record<string, number> {
  const skuMap = new Map(skus.map((s) => [s.skuId, s]));
  const entitled: Record<string, number> = {};
  for (const sku of skus) {
    const tier = tierOf(sku.skuId, skuMap, tiers);
    if (tier !== undefined) entitled[tier] = (entitled[tier] ?? 0) + sku.enabled;
  }
  return Object.fromEntries(Object.entries(entitled).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * One account per user holding a SKU of this license. last_active is the latest of the
 * report activity dates and the last interactive sign-in; a disabled account is suspended.
 */
export function mapGraphUser(
  user: GraphUser,
  skus: Map<string, Sku>,
  tiers: Map<string, string>,
  reports: ReportActivity[],
  timeZone?: string,
): UsageAccount | undefined {
  const tierList = user.skuIds.map((id) => tierOf(id, skus, tiers)).filter((t): t is string => t !== undefined);
  if (tierList.length === 0) return undefined;
  // Several SKUs of one license (e.g. E3 and E5): the tier listed first in `tiers` wins.
  const order = [...new Set(tiers.values())];
  tierList.sort((a, b) => (order.indexOf(a) - order.indexOf(b)) || (a < b ? -1 : a > b ? 1 : 0));
  const signIn = user.lastSignIn === null ? null : dayOf(user.lastSignIn, timeZone);
  const lastActive = latestDay(signIn, ...reports.map((r) => r.lastActive));
  const signals = Object.assign({}, ...reports.map((r) => r.signals)) as Record<string, number>;
  return compact({
    account: user.upn.toLowerCase(),
    email: user.mail,
    login: user.upn,
    name: user.displayName,
    tier: tierList[0],
    status: user.accountEnabled === false ? 'suspended' : 'active',
    last_active: lastActive,
    signals: Object.keys(signals).length > 0 ? signals : undefined,
  });
}
