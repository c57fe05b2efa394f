import { ConnectorError, type Connector, type ConnectorContext, type PullResult, type UsageAccount } from '../types.ts';
import { sourceEnv } from '../../secrets/env.ts';
import { baseUrl, optionalString, requireEnv, stringMap, warnUnknownKeys } from '../shared/config.ts';
import { finishAccounts } from '../shared/accounts.ts';
import { httpFor, DEFAULT_MAX_PAGES, type ConnectorOptions } from '../shared/options.ts';
import { isRecord, toBool } from '../shared/values.ts';
import { callPaged } from './api.ts';
import { mapSlackMember } from './map.ts';

const VENDOR = 'Slack';
const CONFIG_KEYS = ['tiers', 'team_id', 'base_url'] as const;
const ENV = sourceEnv('slack');

/**
 * Slack: every member from `users.list`, with `billing_active` from `team.billableInfo` as a
 * signal (Slack's fair billing policy stops billing members inactive for 14 days, so
 * `billing_active: 0` marks an idle seat). Slack's Web API gives no last-login date, so
 * last_active stays absent.
 */
export function slackConnector(options: ConnectorOptions = {}): Connector {
  return {
    id: 'slack',
    env: [...ENV],
    async pull(ctx: ConnectorContext): Promise<PullResult> {
      const { SLACK_TOKEN: token } = requireEnv(ctx.env, ENV, VENDOR);
      const base = baseUrl(ctx.config, 'base_url', VENDOR, 'https://slack.com/api');
      const tiers = stringMap(ctx.config, 'tiers', VENDOR);
      // Enterprise Grid org-level tokens must name the workspace.
      const teamId = optionalString(ctx.config, 'team_id', VENDOR);
      const team: Record<string, string> = teamId === undefined ? {} : { team_id: teamId };
      const http = httpFor(VENDOR, ctx, options);
      const maxPages = ctx.maxPages ?? DEFAULT_MAX_PAGES;
      const billing = new Map<string, boolean>();
      await callPaged(http, base, 'team.billableInfo', { limit: '1000', ...team }, token, maxPages, (body) => {
        const info = isRecord(body.billable_info) ? body.billable_info : {};
        for (const [id, value] of Object.entries(info)) {
          const active = isRecord(value) ? toBool(value.billing_active) : undefined;
          if (active !== undefined) billing.set(id, active);
        }
      });
      const accounts: UsageAccount[] = [];
      const warnings: string[] = [];
      warnUnknownKeys(ctx.config, CONFIG_KEYS, VENDOR, warnings);
      await callPaged(http, base, 'users.list', { limit: '200', ...team }, token, maxPages, (body) => {
        if (!Array.isArray(body.members)) throw new ConnectorError('Slack: users.list answered ok without a "members" array');
        for (const member of body.members) {
          const account = mapSlackMember(member, billing, tiers);
          if (account) accounts.push(account);
        }
        ctx.progress?.(accounts.length);
      });
      return { accounts: finishAccounts(accounts, warnings, VENDOR), warnings };
    },
  };
}
