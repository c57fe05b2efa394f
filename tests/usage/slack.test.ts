import { afterEach, describe, expect, it } from 'vitest';
import { slackConnector } from '../../src/usage/slack/index.ts';
import { ConnectorError } from '../../src/usage/types.ts';
import { SLACK_TOKEN, slackMember, startSlackFake } from '../support/vendor-fakes/slack.ts';
import type { VendorFake } from '../support/vendor-fakes/server.ts';
import { context, fastOptions, rejection, expectFitsSnapshot } from './helpers.ts';

const env = { SLACK_TOKEN };
let fake: VendorFake | undefined;
afterEach(async () => {
  if (fake) expect(fake.unexpected).toEqual([]);
  await fake?.close();
  fake = undefined;
});

const members = [
  slackMember('W012A3CDE', 'ada.lovelace', 'ada@example.com', { is_admin: true }),
  slackMember('USLACKBOT', 'slackbot', undefined, { is_bot: false }),
  slackMember('W07QCRPA4', 'bob.stone', 'bob@example.com', { deleted: true }),
  slackMember('B01BOT', 'deploybot', undefined, { is_bot: true }),
  slackMember('W0GUEST1', 'gus.guest', 'gus@partner.example', { is_restricted: true }),
  slackMember('W0GUEST2', 'sue.single', 'sue@partner.example', { is_restricted: true, is_ultra_restricted: true }),
  slackMember('W0INVITE', 'ivy.new', 'ivy@example.com', { is_invited_user: true }),
];
const billable = {
  W012A3CDE: { billing_active: true },
  W07QCRPA4: { billing_active: false },
  W0GUEST1: { billing_active: true },
  W0INVITE: { billing_active: false },
};

describe('slack connector', () => {
  it('maps members over several cursor pages with billing_active, skipping bots and Slackbot', async () => {
    fake = await startSlackFake({ members, billable, pageSize: 3 });
    const result = await slackConnector(fastOptions()).pull(
      context({ base_url: `${fake.url}/api`, tiers: { member: 'full', multi_channel_guest: 'guest' } }, env),
    );
    expect(result.accounts).toEqual([
      { account: 'ada@example.com', email: 'ada@example.com', login: 'ada.lovelace', name: 'ada lovelace', tier: 'full', status: 'active', signals: { billing_active: 1 } },
      { account: 'bob@example.com', email: 'bob@example.com', login: 'bob.stone', name: 'bob stone', tier: 'full', status: 'deactivated', signals: { billing_active: 0 } },
      { account: 'gus@partner.example', email: 'gus@partner.example', login: 'gus.guest', name: 'gus guest', tier: 'guest', status: 'guest', signals: { billing_active: 1 } },
      { account: 'ivy@example.com', email: 'ivy@example.com', login: 'ivy.new', name: 'ivy new', tier: 'full', status: 'invited', signals: { billing_active: 0 } },
      { account: 'sue@partner.example', email: 'sue@partner.example', login: 'sue.single', name: 'sue single', status: 'guest' },
    ]);
    expectFitsSnapshot(result, 'slack');
    const pages = fake.requestsTo('/api/users.list');
    expect(pages).toHaveLength(3);
    expect(pages.map((r) => r.query.get('cursor'))).toEqual([null, Buffer.from('user:3').toString('base64'), Buffer.from('user:6').toString('base64')]);
    expect(fake.requests.every((r) => r.headers.authorization === `Bearer ${SLACK_TOKEN}`)).toBe(true);
    // billing_active for four members arrives over two pages of team.billableInfo.
    expect(fake.requestsTo('/api/team.billableInfo').map((r) => r.query.get('cursor'))).toEqual([null, Buffer.from('user:3').toString('base64')]);
  });

  it('waits Retry-After seconds on a 429 and then succeeds', async () => {
    fake = await startSlackFake({ members, billable, pageSize: 3, rateLimitPage: 2, retryAfterSeconds: 7 });
    const options = fastOptions();
    const result = await slackConnector(options).pull(context({ base_url: `${fake.url}/api`, team_id: 'T012AB3C4' }, env));
    expect(options.waits).toEqual([7_000]);
    expect(fake.requests.map((r) => r.query.get('team_id'))).toEqual(Array(fake.requests.length).fill('T012AB3C4'));
    expect(result.accounts).toHaveLength(5);
    expect(fake.requestsTo('/api/users.list')).toHaveLength(4);
  });

  it('fails when Retry-After asks for longer than the pull allows', async () => {
    fake = await startSlackFake({ members, billable, pageSize: 3, rateLimitPage: 1, retryAfterSeconds: 3600 });
    const error = await rejection(slackConnector(fastOptions()).pull(context({ base_url: `${fake.url}/api` }, env)));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.message).toBe('Slack is rate limiting this client and asks to wait 3600 s, longer than the 10 s this pull allows');
  });

  it('turns an ok:false page in the middle of a pull into a ConnectorError with a hint', async () => {
    fake = await startSlackFake({ members, billable, pageSize: 3, errorPage: { page: 2, error: 'missing_scope' } });
    const error = await rejection(slackConnector(fastOptions()).pull(context({ base_url: `${fake.url}/api` }, env)));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.message).toBe('Slack: users.list failed: missing_scope');
    expect(error.hint).toMatch(/users:read/);
  });

  it('reports invalid_auth without printing the token', async () => {
    fake = await startSlackFake({ members, billable, pageSize: 3 });
    const error = await rejection(slackConnector(fastOptions()).pull(context({ base_url: `${fake.url}/api` }, { SLACK_TOKEN: 'xoxp-bad-secret' })));
    expect(error.message).toBe('Slack: team.billableInfo failed: invalid_auth');
    expect(`${error.message} ${error.hint ?? ''}`).not.toContain('xoxp-bad-secret');
  });
});
