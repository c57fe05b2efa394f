import { describe, expect, it } from 'vitest';
import { listConsumedLicenses, listCopilotSeats } from '../../src/github/usage-api.ts';
import { githubCopilotConnector } from '../../src/usage/github-copilot/index.ts';
import { githubEnterpriseConnector } from '../../src/usage/github-enterprise/index.ts';
import { ConnectorError, type ConnectorContext } from '../../src/usage/types.ts';
import { useGitHubFake } from '../support/github-fake/hooks.ts';
import type { ConsumedLicenseUser } from '../support/github-fake/index.ts';
import { clientFor, FAST, lines } from './helpers.ts';

const gh = useGitHubFake();

function context(config: Record<string, unknown>, extra: Partial<ConnectorContext> = {}): ConnectorContext {
  return { config, env: gh.fake.env(), today: '2026-11-20', fetch: globalThis.fetch, ...extra };
}

const login = (i: number) => `dev${String(i).padStart(3, '0')}`;

describe('Copilot seats', () => {
  it('reads 250 seats over 3 pages by following the Link header', async () => {
    const { fake } = gh;
    fake.setCopilotSeats('acme', Array.from({ length: 250 }, (_, i) => ({ login: login(i), last_activity_at: i % 2 ? '2026-11-02T17:45:10Z' : null })));
    fake.clearRequests();
    const progress: number[] = [];
    const result = await listCopilotSeats(clientFor(fake), 'acme', { progress: (n) => progress.push(n) });
    expect(result.totalSeats).toBe(250);
    expect(result.truncated).toBe(false);
    expect(result.seats.map((s) => s.login)).toEqual(Array.from({ length: 250 }, (_, i) => login(i)));
    expect(result.seats[1]).toEqual({
      login: 'dev001',
      assigningTeam: null,
      createdAt: '2025-01-01T00:00:00Z',
      lastActivityAt: '2026-11-02T17:45:10Z',
      lastActivityEditor: null,
      lastAuthenticatedAt: '2026-11-02T17:45:10Z',
      pendingCancellationDate: null,
      planType: 'business',
    });
    expect(lines(fake.requests)).toEqual([
      'GET /orgs/acme/copilot/billing/seats?per_page=100',
      'GET /orgs/acme/copilot/billing/seats?per_page=100&page=2',
      'GET /orgs/acme/copilot/billing/seats?per_page=100&page=3',
    ]);
    expect(progress).toEqual([100, 200, 250]);
  });

  it('stops at maxPages and says the list was cut', async () => {
    const { fake } = gh;
    fake.setCopilotSeats('big', Array.from({ length: 250 }, (_, i) => ({ login: login(i) })));
    fake.clearRequests();
    const result = await listCopilotSeats(clientFor(fake), 'big', { maxPages: 2 });
    expect(result).toMatchObject({ totalSeats: 250, truncated: true });
    expect(result.seats).toHaveLength(200);
    expect(fake.requests).toHaveLength(2);
  });

  // GitHub REST docs, "List all Copilot seat assignments for an organization": `last_activity_at` is an
  // ISO 8601 timestamp, null without activity and not a required key; `pending_cancellation_date` is YYYY-MM-DD.
  it('maps seats to usage accounts: activity day in the org time zone, never-used, unknown, pending cancellation, plan tiers', async () => {
    const { fake } = gh;
    fake.setCopilotSeats('octo', [
      { login: 'zed', last_activity_at: '2026-11-19T23:59:59Z', plan_type: 'enterprise', assigning_team: 'platform' },
      { login: 'ann', last_activity_at: null },
      { login: 'bob', last_activity_at: '2026-08-01T08:00:00Z', pending_cancellation_date: '2026-12-01' },
      { login: 'cid', last_activity_at: '2026-11-14T20:00:00-06:00' },
      { login: 'dot', last_activity_at: undefined },
    ]);
    const result = await githubCopilotConnector({ timings: FAST }).pull(context({ org: 'octo', tiers: { business: 'copilot-business' } }, { timeZone: 'Europe/Berlin' }));
    expect(result.accounts).toEqual([
      { account: 'ann', login: 'ann', tier: 'copilot-business', status: 'active', last_active: null },
      { account: 'bob', login: 'bob', tier: 'copilot-business', status: 'active', last_active: '2026-08-01', pending_cancellation: '2026-12-01' },
      // 20:00 at UTC-6 is 02:00 UTC, 03:00 in Berlin on the 15th: the date is not cut from the text.
      { account: 'cid', login: 'cid', tier: 'copilot-business', status: 'active', last_active: '2026-11-15' },
      // No `last_activity_at` key: activity unknown, not "never".
      { account: 'dot', login: 'dot', tier: 'copilot-business', status: 'active' },
      // 23:59:59 UTC is already the 20th in Berlin.
      { account: 'zed', login: 'zed', tier: 'enterprise', status: 'active', last_active: '2026-11-20' },
    ]);
    expect(result.warnings).toEqual(['GitHub Copilot: 1 seat is pending cancellation (not counted as in use, nor as a saving) and still billed until then: bob (2026-12-01)']);
    const utc = await githubCopilotConnector({ timings: FAST }).pull(context({ org: 'octo' }));
    expect(utc.accounts.find((a) => a.account === 'cid')?.last_active).toBe('2026-11-15');
    expect(utc.accounts.find((a) => a.account === 'zed')?.last_active).toBe('2026-11-19');
  });

  it('explains a 404 and a missing token without printing the token', async () => {
    const connector = githubCopilotConnector({ timings: FAST });
    const missing = (await connector.pull(context({ org: 'nobody' })).catch((e: unknown) => e)) as ConnectorError;
    expect(missing).toBeInstanceOf(ConnectorError);
    expect(missing.message).toBe('GitHub Copilot: command GET /orgs/nobody/copilot/billing/seats failed with status 404: Not Found (token from GITHUB_TOKEN)');
    expect(missing.hint).toBe('Organization nobody was not found, or it has no Copilot Business/Enterprise subscription.');
    const noToken = (await connector.pull(context({ org: 'acme' }, { env: { GITHUB_API_URL: gh.fake.url } })).catch((e: unknown) => e)) as ConnectorError;
    expect(noToken.message).toBe('GitHub Copilot: neither LAC_GITHUB_USAGE_TOKEN nor GITHUB_TOKEN is set');
    expect(gh.fake.requests.every((r) => !JSON.stringify(r).includes('fake-token'))).toBe(true);
  });
});

describe('consumed licenses', () => {
  const users: ConsumedLicenseUser[] = [
    {
      github_com_login: 'ann-acme',
      github_com_name: 'Ann Lee',
      github_com_user: true,
      enterprise_server_user: false,
      visual_studio_subscription_user: false,
      license_type: 'enterprise',
      github_com_verified_domain_emails: ['Ann@acme.example'],
      enterprise_server_emails: [],
      total_user_accounts: 1,
      github_com_orgs_with_pending_invites: [],
    },
    {
      github_com_login: '',
      github_com_name: null,
      github_com_user: false,
      enterprise_server_user: true,
      visual_studio_subscription_user: false,
      license_type: 'enterprise',
      enterprise_server_emails: ['srv.only@acme.example'],
      enterprise_server_user_ids: ['ghes-1:42'],
      total_user_accounts: 1,
    },
    {
      github_com_login: 'vic-vs',
      github_com_user: false,
      enterprise_server_user: null,
      visual_studio_subscription_user: true,
      visual_studio_subscription_email: 'vic@acme.example',
      license_type: 'visual_studio_subscription',
      github_com_orgs_with_pending_invites: ['acme'],
    },
  ];

  it('reads all pages and keeps logins, emails and license types', async () => {
    const { fake } = gh;
    fake.setConsumedLicenses('acme-inc', 150, [...users, ...Array.from({ length: 120 }, (_, i) => ({ github_com_login: login(i), github_com_user: true, license_type: 'enterprise' }))]);
    fake.clearRequests();
    const result = await listConsumedLicenses(clientFor(fake), 'acme-inc');
    expect(result).toMatchObject({ totalSeatsConsumed: 123, totalSeatsPurchased: 150, truncated: false });
    expect(result.users).toHaveLength(123);
    expect(result.users[0]).toEqual({
      login: 'ann-acme',
      name: 'Ann Lee',
      emails: ['ann@acme.example'],
      licenseType: 'enterprise',
      githubComUser: true,
      enterpriseServerUser: false,
      visualStudioSubscriptionUser: false,
      samlNameId: null,
      orgsWithPendingInvites: [],
      enterpriseServerUserIds: [],
      totalUserAccounts: 1,
    });
    expect(lines(fake.requests)).toEqual(['GET /enterprises/acme-inc/consumed-licenses?per_page=100', 'GET /enterprises/acme-inc/consumed-licenses?per_page=100&page=2']);
  });

  it('maps users to usage accounts with the purchased count as entitlement', async () => {
    gh.fake.setConsumedLicenses('small-co', 2, users);
    const result = await githubEnterpriseConnector({ timings: FAST }).pull(context({ enterprise: 'small-co', tiers: { visual_studio_subscription: 'vs' }, org: 'acme' }));
    expect(result.accounts).toEqual([
      { account: 'ann-acme', login: 'ann-acme', email: 'ann@acme.example', name: 'Ann Lee', tier: 'enterprise', status: 'active', signals: { user_accounts: 1 } },
      { account: 'srv.only@acme.example', email: 'srv.only@acme.example', tier: 'enterprise', status: 'active', signals: { user_accounts: 1 } },
      { account: 'vic-vs', login: 'vic-vs', email: 'vic@acme.example', tier: 'vs', status: 'invited' },
    ]);
    expect(result.vendor_entitled).toEqual({ enterprise: 2 });
    expect(result.warnings).toEqual([
      'GitHub Enterprise: usage.config key org is not read by this connector (it reads enterprise, tiers)',
      'GitHub Enterprise: 3 licenses consumed but 2 purchased',
    ]);
  });
});
