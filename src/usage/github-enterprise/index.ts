import { connectorClient, connectorError, type GitHubConnectorOptions } from '../../github/connector.ts';
import { listConsumedLicenses, type ConsumedLicenseUser } from '../../github/usage-api.ts';
import { compact, finishAccounts } from '../shared/accounts.ts';
import { requiredString, stringMap, warnUnknownKeys } from '../shared/config.ts';
import { sourceEnv } from '../../secrets/env.ts';
import type { Connector, ConnectorContext, PullResult, UsageAccount } from '../types.ts';

const VENDOR = 'GitHub Enterprise';
const CONFIG_KEYS = ['enterprise', 'tiers'] as const;

/**
 * One consumed license as a UsageAccount. The account is the github.com login; users only on
 * GitHub Enterprise Server have none, so their first email (or server user id) stands in.
 */
export function mapConsumedLicense(user: ConsumedLicenseUser, tiers: Map<string, string>): UsageAccount | undefined {
  const account = user.login ?? user.emails[0] ?? user.samlNameId ?? user.enterpriseServerUserIds[0];
  if (!account) return undefined;
  const invitedOnly = !user.githubComUser && !user.enterpriseServerUser && user.orgsWithPendingInvites.length > 0;
  return compact({
    account,
    login: user.login ?? undefined,
    email: user.emails[0],
    name: user.name ?? undefined,
    tier: tiers.get(user.licenseType) ?? user.licenseType,
    status: invitedOnly ? 'invited' : 'active',
    signals: user.totalUserAccounts === null ? undefined : { user_accounts: user.totalUserAccounts },
  });
}

/**
 * GitHub Enterprise Cloud: every user consuming an enterprise license, on github.com, on
 * connected Enterprise Servers and through Visual Studio subscriptions. GitHub reports no
 * activity date here, so last_active stays absent. Config: `enterprise` (the slug, required),
 * `tiers` (license_type -> tier id).
 */
export function githubEnterpriseConnector(options: GitHubConnectorOptions = {}): Connector {
  return {
    id: 'github-enterprise',
    env: sourceEnv('github-enterprise'),
    async pull(ctx: ConnectorContext): Promise<PullResult> {
      const enterprise = requiredString(ctx.config, 'enterprise', VENDOR, 'acme-inc');
      const tiers = stringMap(ctx.config, 'tiers', VENDOR);
      const { octokit, tokenName } = connectorClient(VENDOR, ctx, options);
      const listed = await listConsumedLicenses(octokit, enterprise, { ...(ctx.maxPages ? { maxPages: ctx.maxPages } : {}), ...(ctx.progress ? { progress: ctx.progress } : {}) }).catch((error: unknown) => {
        throw connectorError(VENDOR, error, tokenName, 'the `read:enterprise` scope, as an enterprise owner', `Enterprise ${enterprise} was not found; usage.config.enterprise is the slug in github.com/enterprises/<slug>.`);
      });
      const warnings: string[] = [];
      warnUnknownKeys(ctx.config, CONFIG_KEYS, VENDOR, warnings);
      const accounts: UsageAccount[] = [];
      let anonymous = 0;
      for (const user of listed.users) {
        const account = mapConsumedLicense(user, tiers);
        if (account) accounts.push(account);
        else anonymous++;
      }
      if (anonymous) warnings.push(`${VENDOR}: ${anonymous} license${anonymous > 1 ? 's have' : ' has'} no login, email or user id and ${anonymous > 1 ? 'were' : 'was'} skipped`);
      if (listed.truncated) warnings.push(`${VENDOR}: stopped after ${ctx.maxPages} pages; ${listed.totalSeatsConsumed - listed.users.length} users were not read`);
      if (listed.totalSeatsConsumed > listed.totalSeatsPurchased) {
        warnings.push(`${VENDOR}: ${listed.totalSeatsConsumed} licenses consumed but ${listed.totalSeatsPurchased} purchased`);
      }
      const entitledTier = tiers.get('enterprise') ?? 'enterprise';
      return { accounts: finishAccounts(accounts, warnings, VENDOR), warnings, credential: tokenName, vendor_entitled: { [entitledTier]: listed.totalSeatsPurchased } };
    },
  };
}
