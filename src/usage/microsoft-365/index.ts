import { ConnectorError, type Connector, type ConnectorContext, type PullResult, type UsageAccount } from '../types.ts';
import { sourceEnv } from '../../secrets/env.ts';
import { baseUrl, optionalString, requireEnv, stringMap, warnUnknownKeys } from '../shared/config.ts';
import { finishAccounts } from '../shared/accounts.ts';
import { addDays } from '../shared/dates.ts';
import { httpFor, DEFAULT_MAX_PAGES, type ConnectorOptions } from '../shared/options.ts';
import { describeGraphError, graphToken } from './auth.ts';
import { listSkus, listUsers } from './graph.ts';
import { entitledByTier, mapGraphUser } from './map.ts';
import { downloadReport, parseActivityCsv, type ReportResult } from './reports.ts';

const VENDOR = 'Microsoft 365';
const CONFIG_KEYS = ['tiers', 'period', 'base_url', 'token_url'] as const;
const ENV = sourceEnv('microsoft-365');
const REPORTS = ['getOffice365ActiveUserDetail', 'getM365AppUserDetail'] as const;

/** The shortest report period that covers `--since` (Graph offers 7, 30, 90 and 180 days); D30 without it. */
export function periodFor(today: string, since: string | undefined): string {
  if (since === undefined) return 'D30';
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${since}T00:00:00Z`)) / 86_400_000);
  return `D${[7, 30, 90].find((d) => days <= d) ?? 180}`;
}

/**
 * Microsoft 365: licensed users from Graph (`/users` with assignedLicenses and
 * signInActivity), activity from the two usage report CSVs, and entitled units per tier
 * from `subscribedSkus`.
 */
export function microsoft365Connector(options: ConnectorOptions = {}): Connector {
  return {
    id: 'microsoft-365',
    env: [...ENV],
    async pull(ctx: ConnectorContext): Promise<PullResult> {
      const secrets = requireEnv(ctx.env, ENV, VENDOR);
      const base = baseUrl(ctx.config, 'base_url', VENDOR, 'https://graph.microsoft.com');
      const tokenUrl = baseUrl(ctx.config, 'token_url', VENDOR, `https://login.microsoftonline.com/${encodeURIComponent(secrets.M365_TENANT_ID)}/oauth2/v2.0/token`);
      const tiers = stringMap(ctx.config, 'tiers', VENDOR);
      const period = optionalString(ctx.config, 'period', VENDOR) ?? periodFor(ctx.today, ctx.since);
      if (!/^D(7|30|90|180)$/.test(period)) throw new ConnectorError(`${VENDOR}: usage.config.period must be D7, D30, D90 or D180, not ${period}`);
      const maxPages = ctx.maxPages ?? DEFAULT_MAX_PAGES;
      const http = httpFor(VENDOR, ctx, options, describeGraphError);
      const warnings: string[] = [];
      warnUnknownKeys(ctx.config, CONFIG_KEYS, VENDOR, warnings);

      const token = await graphToken(http, tokenUrl, secrets.M365_CLIENT_ID, secrets.M365_CLIENT_SECRET, base);
      const skus = await listSkus(http, base, token);
      const reports: ReportResult[] = [];
      for (const name of REPORTS) {
        const csv = await downloadReport(http, `${base}/v1.0/reports/${name}(period='${period}')`, token);
        const report = parseActivityCsv(csv, name, http.redact);
        if (report.concealed) {
          warnings.push(
            `${VENDOR}: ${name} conceals user names (hashed), so its activity cannot be matched to accounts and was not used. Turn off "Display concealed user, group, and site names in all reports" in the Microsoft 365 admin center (Settings > Org settings > Reports).`,
          );
          continue;
        }
        if (report.refreshDate !== undefined && report.refreshDate < addDays(ctx.today, -7)) {
          warnings.push(`${VENDOR}: ${name} was last refreshed on ${report.refreshDate}`);
        }
        reports.push(report);
      }
      const users = await listUsers(http, base, token, maxPages, warnings);
      const skuMap = new Map(skus.map((s) => [s.skuId, s]));
      const accounts: UsageAccount[] = [];
      for (const user of users) {
        const activity = reports.map((r) => r.byUpn.get(user.upn.toLowerCase())).filter((a) => a !== undefined);
        const account = mapGraphUser(user, skuMap, tiers, activity, ctx.timeZone);
        if (account) accounts.push(account);
      }
      ctx.progress?.(accounts.length);
      for (const sku of skus) {
        if (sku.consumed > sku.enabled && (tiers.size === 0 || tiers.has(sku.skuId) || (sku.partNumber !== undefined && tiers.has(sku.partNumber)))) {
          warnings.push(`${VENDOR}: ${sku.partNumber ?? sku.skuId} has ${sku.consumed} units assigned but only ${sku.enabled} enabled`);
        }
      }
      return { accounts: finishAccounts(accounts, warnings, VENDOR), vendor_entitled: entitledByTier(skus, tiers), warnings };
    },
  };
}
