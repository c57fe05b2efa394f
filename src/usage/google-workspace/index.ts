import type { Connector, ConnectorContext, PullResult, UsageAccount } from '../types.ts';
import { baseUrl, optionalInteger, optionalString, signalMap, stringMap, warnUnknownKeys } from '../shared/config.ts';
import { compact, finishAccounts } from '../shared/accounts.ts';
import { DEFAULT_MAX_PAGES, type ConnectorOptions } from '../shared/options.ts';
import { GOOGLE as VENDOR, GOOGLE_ENV as ENV, openGoogleSession } from './session.ts';
import { readUsageReport, type UserActivity } from './reports.ts';
import { listAssignments, type LicenseAssignment } from './licensing.ts';

const CONFIG_KEYS = ['subject', 'product_id', 'sku_id', 'customer_id', 'tiers', 'signals', 'max_lookback_days', 'base_url', 'token_url'] as const;

/**
 * Google Workspace: with `product_id`, the License Manager assignments (one account per
 * licensed user, tier from the SKU) with activity from the Reports API; without it, every
 * user in the usage report.
 */
export function googleWorkspaceConnector(options: ConnectorOptions & { now?: () => number } = {}): Connector {
  return {
    id: 'google-workspace',
    env: [...ENV],
    async pull(ctx: ConnectorContext): Promise<PullResult> {
      const reportsBase = baseUrl(ctx.config, 'base_url', VENDOR, 'https://admin.googleapis.com');
      const licensingBase = baseUrl(ctx.config, 'base_url', VENDOR, 'https://licensing.googleapis.com');
      const productId = optionalString(ctx.config, 'product_id', VENDOR);
      const skuId = optionalString(ctx.config, 'sku_id', VENDOR);
      const customerId = optionalString(ctx.config, 'customer_id', VENDOR);
      const tiers = stringMap(ctx.config, 'tiers', VENDOR);
      const signalParameters = signalMap(ctx.config, 'signals', VENDOR, 'field-first');
      const lookback = optionalInteger(ctx.config, 'max_lookback_days', VENDOR, 7);
      const maxPages = ctx.maxPages ?? DEFAULT_MAX_PAGES;
      const { subject, http, token } = await openGoogleSession(ctx, options);
      // The report's own customer is the admin's; `customer_id` only serves License Manager,
      // which also takes the primary domain.
      const report = await readUsageReport(http, reportsBase, token, ctx.today, lookback, signalParameters, maxPages, productId === undefined ? ctx.progress : undefined, ctx.timeZone);
      const warnings = [...report.warnings];
      warnUnknownKeys(ctx.config, CONFIG_KEYS, VENDOR, warnings);
      const accounts: UsageAccount[] = [];
      if (productId === undefined) {
        for (const [email, activity] of report.users) accounts.push(account(email, undefined, activity));
      } else {
        // License Manager takes the primary domain when no customer id is given.
        const customer = customerId ?? subject.split('@')[1] ?? subject;
        const assignments = await listAssignments(http, licensingBase, token, productId, skuId, customer, maxPages);
        let unmatched = 0;
        for (const assignment of assignments) {
          const activity = report.users.get(assignment.userId.toLowerCase());
          if (activity === undefined) unmatched++;
          accounts.push(account(assignment.userId, tierOf(assignment, tiers), activity));
          ctx.progress?.(accounts.length);
        }
        if (unmatched > 0) warnings.push(`${VENDOR}: ${unmatched} licensed user${unmatched > 1 ? 's are' : ' is'} missing from the usage report of ${report.date}; last_active left unknown`);
      }
      return { accounts: finishAccounts(accounts, warnings, VENDOR), warnings };
    },
  };
}

/** `tiers` keyed by SKU id or SKU name; without `tiers`, the SKU name (e.g. "Google Workspace Business Standard"). */
function tierOf(assignment: LicenseAssignment, tiers: Map<string, string>): string | undefined {
  if (tiers.size === 0) return assignment.skuName ?? assignment.skuId;
  return (assignment.skuId ? tiers.get(assignment.skuId) : undefined) ?? (assignment.skuName ? tiers.get(assignment.skuName) : undefined);
}

function account(email: string, tier: string | undefined, activity: UserActivity | undefined): UsageAccount {
  const signals = activity && Object.keys(activity.signals).length > 0 ? activity.signals : undefined;
  return compact({ account: email.toLowerCase(), email, tier, last_active: activity?.lastActive, signals });
}
