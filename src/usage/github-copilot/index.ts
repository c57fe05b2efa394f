import { connectorClient, connectorError, type GitHubConnectorOptions } from '../../github/connector.ts';
import { listCopilotSeats, type CopilotSeat } from '../../github/usage-api.ts';
import { finishAccounts, compact } from '../shared/accounts.ts';
import { requiredString, stringMap, warnUnknownKeys } from '../shared/config.ts';
import { sourceEnv } from '../../secrets/env.ts';
import { dayOf } from '../shared/dates.ts';
import type { Connector, ConnectorContext, PullResult, UsageAccount } from '../types.ts';

const VENDOR = 'GitHub Copilot';
const CONFIG_KEYS = ['org', 'tiers'] as const;

/**
 * One seat as a UsageAccount (GitHub REST "List all Copilot seat assignments for an organization"):
 * `last_activity_at` null is "never", an absent key is unknown; a seat with `pending_cancellation_date`
 * is already cancelled (billed and usable until that date), a state of its own.
 */
export function mapCopilotSeat(seat: CopilotSeat & { login: string }, tiers: Map<string, string>, timeZone?: string): UsageAccount {
  const plan = seat.planType && seat.planType !== 'unknown' ? seat.planType : undefined;
  return compact({
    account: seat.login,
    login: seat.login,
    tier: plan === undefined ? undefined : (tiers.get(plan) ?? plan),
    status: 'active',
    last_active: seat.lastActivityAt === null ? null : seat.lastActivityAt === undefined ? undefined : (dayOf(seat.lastActivityAt, timeZone) ?? undefined),
    pending_cancellation: seat.pendingCancellationDate && /^\d{4}-\d{2}-\d{2}$/.test(seat.pendingCancellationDate) ? seat.pendingCancellationDate : undefined,
  });
}

/**
 * GitHub Copilot Business/Enterprise: the seats an organization is billed for, with each
 * assignee's last Copilot activity. Config: `org` (required), `tiers` (plan_type -> tier id).
 */
export function githubCopilotConnector(options: GitHubConnectorOptions = {}): Connector {
  return {
    id: 'github-copilot',
    env: sourceEnv('github-copilot'),
    async pull(ctx: ConnectorContext): Promise<PullResult> {
      const org = requiredString(ctx.config, 'org', VENDOR, 'acme');
      const tiers = stringMap(ctx.config, 'tiers', VENDOR);
      const { octokit, tokenName } = connectorClient(VENDOR, ctx, options);
      const listed = await listCopilotSeats(octokit, org, { ...(ctx.maxPages ? { maxPages: ctx.maxPages } : {}), ...(ctx.progress ? { progress: ctx.progress } : {}) }).catch((error: unknown) => {
        throw connectorError(VENDOR, error, tokenName, 'the `manage_billing:copilot` or `read:org` scope, as an org owner', `Organization ${org} was not found, or it has no Copilot Business/Enterprise subscription.`);
      });
      const warnings: string[] = [];
      warnUnknownKeys(ctx.config, CONFIG_KEYS, VENDOR, warnings);
      const accounts: UsageAccount[] = [];
      const pending: string[] = [];
      let userless = 0;
      for (const seat of listed.seats) {
        if (seat.login === null) {
          userless++;
          continue;
        }
        if (seat.pendingCancellationDate) pending.push(`${seat.login} (${seat.pendingCancellationDate})`);
        accounts.push(mapCopilotSeat({ ...seat, login: seat.login }, tiers, ctx.timeZone));
      }
      if (pending.length) warnings.push(`${VENDOR}: ${pending.length} seat${pending.length > 1 ? 's are' : ' is'} pending cancellation (not counted as in use, nor as a saving) and still billed until then: ${pending.sort().join(', ')}`);
      if (userless) warnings.push(`${VENDOR}: ${userless} seat${userless > 1 ? 's have' : ' has'} no assignee and ${userless > 1 ? 'were' : 'was'} skipped`);
      if (listed.truncated) warnings.push(`${VENDOR}: stopped after ${ctx.maxPages} pages; ${listed.totalSeats - listed.seats.length} seats were not read`);
      else if (listed.totalSeats !== listed.seats.length) warnings.push(`${VENDOR}: GitHub reports ${listed.totalSeats} seats but listed ${listed.seats.length}`);
      return { accounts: finishAccounts(accounts, warnings, VENDOR), warnings, credential: tokenName };
    },
  };
}
