import type { Connector, ConnectorContext, PullResult, UsageAccount } from '../types.ts';
import { optionalString, warnUnknownKeys } from '../shared/config.ts';
import { finishAccounts } from '../shared/accounts.ts';
import type { ConnectorOptions } from '../shared/options.ts';
import { listAll } from './paging.ts';
import { mapOktaAppUser, mapOktaUser } from './map.ts';
import { OKTA as VENDOR, OKTA_ENV as ENV, oktaSession } from './session.ts';

const CONFIG_KEYS = ['base_url', 'app_id'] as const;

/**
 * Okta: with `app_id`, the users assigned to that app (each with its Okta user embedded via
 * `expand=user`, so one list gives status and lastLogin without reading the whole directory);
 * without it, every user in the org. `/api/v1/users` leaves DEPROVISIONED users out unless
 * asked, so they are read with a second, filtered list.
 */
export function oktaConnector(options: ConnectorOptions = {}): Connector {
  return {
    id: 'okta',
    env: [...ENV],
    async pull(ctx: ConnectorContext): Promise<PullResult> {
      const { base, http, headers, maxPages } = oktaSession(ctx, options, 'usage');
      const appId = optionalString(ctx.config, 'app_id', VENDOR);
      const warnings: string[] = [];
      warnUnknownKeys(ctx.config, CONFIG_KEYS, VENDOR, warnings);
      const accounts: UsageAccount[] = [];
      let skipped = 0;
      const collect = (mapper: (item: unknown) => UsageAccount | undefined) => (items: unknown[]) => {
        for (const item of items) {
          const account = mapper(item);
          if (account) accounts.push(account);
          else skipped++;
        }
        ctx.progress?.(accounts.length);
      };
      if (appId !== undefined) {
        const url = `${base}/api/v1/apps/${encodeURIComponent(appId)}/users?limit=500&expand=user`;
        await listAll(http, url, headers, maxPages, collect((u) => mapOktaAppUser(u, ctx.timeZone)));
      } else {
        await listAll(http, `${base}/api/v1/users?limit=200`, headers, maxPages, collect((u) => mapOktaUser(u, undefined, ctx.timeZone)));
        const deprovisioned = `${base}/api/v1/users?limit=200&filter=${encodeURIComponent('status eq "DEPROVISIONED"')}`;
        await listAll(http, deprovisioned, headers, maxPages, collect((u) => mapOktaUser(u, undefined, ctx.timeZone)));
      }
      if (skipped > 0) warnings.push(`${VENDOR}: ${skipped} record${skipped > 1 ? 's' : ''} without a login or user name were skipped`);
      return { accounts: finishAccounts(accounts, warnings, VENDOR), warnings };
    },
  };
}
