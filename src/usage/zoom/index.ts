import { ConnectorError, type Connector, type ConnectorContext, type PullResult, type UsageAccount } from '../types.ts';
import { sourceEnv } from '../../secrets/env.ts';
import { baseUrl, optionalString, requireEnv, stringMap, warnUnknownKeys } from '../shared/config.ts';
import { finishAccounts } from '../shared/accounts.ts';
import { httpFor, DEFAULT_MAX_PAGES, type ConnectorOptions } from '../shared/options.ts';
import { checkPageLimit, requestJson } from '../http/index.ts';
import { isRecord } from '../shared/values.ts';
import { describeZoomError, zoomToken } from './auth.ts';
import { mapZoomUser } from './map.ts';

const VENDOR = 'Zoom';
const CONFIG_KEYS = ['tiers', 'page_size', 'base_url', 'token_url'] as const;
const ENV = sourceEnv('zoom');
/** `/v2/users` lists one status at a time and defaults to active. */
const STATUSES = ['active', 'inactive', 'pending'] as const;

/** Zoom: every user of the account, all three statuses, with `type` as the tier. */
export function zoomConnector(options: ConnectorOptions = {}): Connector {
  return {
    id: 'zoom',
    env: [...ENV],
    async pull(ctx: ConnectorContext): Promise<PullResult> {
      const secrets = requireEnv(ctx.env, ENV, VENDOR);
      const base = baseUrl(ctx.config, 'base_url', VENDOR, 'https://api.zoom.us');
      const tokenUrl = baseUrl(ctx.config, 'token_url', VENDOR, 'https://zoom.us/oauth/token');
      const tiers = stringMap(ctx.config, 'tiers', VENDOR);
      const pageSize = optionalString(ctx.config, 'page_size', VENDOR) ?? '300';
      const http = httpFor(VENDOR, ctx, options, describeZoomError);
      const token = await zoomToken(http, tokenUrl, secrets.ZOOM_ACCOUNT_ID, secrets.ZOOM_CLIENT_ID, secrets.ZOOM_CLIENT_SECRET);
      const maxPages = ctx.maxPages ?? DEFAULT_MAX_PAGES;
      const accounts: UsageAccount[] = [];
      const warnings: string[] = [];
      warnUnknownKeys(ctx.config, CONFIG_KEYS, VENDOR, warnings);
      let pages = 0;
      for (const status of STATUSES) {
        let nextPageToken = '';
        const seen = new Set<string>();
        do {
          checkPageLimit(http, ++pages, maxPages);
          const query = new URLSearchParams({ status, page_size: pageSize });
          if (nextPageToken) query.set('next_page_token', nextPageToken);
          const url = `${base}/v2/users?${query.toString()}`;
          const { body } = await requestJson(http, url, { headers: { Authorization: `Bearer ${token}` } });
          if (!isRecord(body) || !Array.isArray(body.users)) {
            throw new ConnectorError(`Zoom: a /v2/users page (status ${status}) has no "users" array`);
          }
          for (const user of body.users) {
            const account = mapZoomUser(user, status, tiers, ctx.timeZone);
            if (account) accounts.push(account);
          }
          ctx.progress?.(accounts.length);
          nextPageToken = typeof body.next_page_token === 'string' ? body.next_page_token : '';
          if (nextPageToken !== '' && seen.has(nextPageToken)) throw new ConnectorError('Zoom: /v2/users returned the same next_page_token twice');
          seen.add(nextPageToken);
        } while (nextPageToken !== '');
      }
      return { accounts: finishAccounts(accounts, warnings, VENDOR), warnings };
    },
  };
}
