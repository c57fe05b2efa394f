import { afterEach, describe, expect, it } from 'vitest';
import { zoomConnector } from '../../src/usage/zoom/index.ts';
import { ConnectorError } from '../../src/usage/types.ts';
import { startZoomFake, zoomUser, ZOOM_ENV } from '../support/vendor-fakes/zoom.ts';
import type { VendorFake } from '../support/vendor-fakes/server.ts';
import { context, fastOptions, rejection, expectFitsSnapshot } from './helpers.ts';

let fake: VendorFake | undefined;
afterEach(async () => {
  if (fake) expect(fake.unexpected).toEqual([]);
  await fake?.close();
  fake = undefined;
});

const users = [
  zoomUser('z1', 'ada.lovelace@example.com', 2, 'active', '2026-11-19T20:40:30Z'),
  zoomUser('z2', 'bob.stone@example.com', '1', 'active', '2026-01-05T10:00:00Z'),
  zoomUser('z3', 'cy.young@example.com', 2, 'active'),
  zoomUser('z4', 'dee.park@example.com', '2', 'active', '2026-08-30T23:59:59Z'),
  zoomUser('z5', 'old.timer@example.com', 2, 'inactive', '2024-05-01T09:00:00Z'),
  zoomUser('z6', 'new.hire@example.com', 1, 'pending'),
];
const config = (fake: VendorFake, extra: Record<string, unknown> = {}) => ({ base_url: fake.url, token_url: `${fake.url}/oauth/token`, ...extra });

describe('zoom connector', () => {
  it('reads all statuses over several pages and maps types, strings included', async () => {
    fake = await startZoomFake({ users, pageSize: 2 });
    const result = await zoomConnector(fastOptions()).pull(context(config(fake, { tiers: { 2: 'pro', basic: 'basic' } }), ZOOM_ENV));
    expect(result.accounts).toEqual([
      { account: 'ada.lovelace@example.com', email: 'ada.lovelace@example.com', login: 'z1', name: 'ada lovelace', tier: 'pro', status: 'active', last_active: '2026-11-19' },
      { account: 'bob.stone@example.com', email: 'bob.stone@example.com', login: 'z2', name: 'bob stone', tier: 'basic', status: 'active', last_active: '2026-01-05' },
      { account: 'cy.young@example.com', email: 'cy.young@example.com', login: 'z3', name: 'cy young', tier: 'pro', status: 'active', last_active: null },
      { account: 'dee.park@example.com', email: 'dee.park@example.com', login: 'z4', name: 'dee park', tier: 'pro', status: 'active', last_active: '2026-08-30' },
      { account: 'new.hire@example.com', email: 'new.hire@example.com', login: 'z6', name: 'new hire', tier: 'basic', status: 'invited', last_active: null },
      { account: 'old.timer@example.com', email: 'old.timer@example.com', login: 'z5', name: 'old timer', tier: 'pro', status: 'deactivated', last_active: '2024-05-01' },
    ]);
    expectFitsSnapshot(result, 'zoom');
    const pages = fake.requestsTo('/v2/users');
    expect(pages.map((r) => `${r.query.get('status')}:${r.query.get('next_page_token') ?? ''}`)).toEqual([
      'active:', 'active:tok2', 'inactive:', 'pending:',
    ]);
    const token = fake.requestsTo('/oauth/token');
    expect(token).toHaveLength(1);
    expect(token[0]?.method).toBe('POST');
  });

  it('names the tier after the type when no tiers mapping is given', async () => {
    fake = await startZoomFake({ users: users.slice(0, 2), pageSize: 5 });
    const result = await zoomConnector(fastOptions()).pull(context(config(fake, { page_sise: 10 }), ZOOM_ENV));
    expect(result.accounts.map((a) => a.tier)).toEqual(['licensed', 'basic']);
    expect(result.warnings).toEqual(['Zoom: usage.config key page_sise is not read by this connector (it reads base_url, page_size, tiers, token_url)']);
  });

  it('honours Retry-After on a 429 and then succeeds', async () => {
    fake = await startZoomFake({ users, pageSize: 2, rateLimitOnce: { status: 'active', page: 2, retryAfter: '3' } });
    const options = fastOptions();
    const result = await zoomConnector(options).pull(context(config(fake), ZOOM_ENV));
    expect(options.waits).toEqual([3_000]);
    expect(result.accounts).toHaveLength(6);
  });

  it('fails with a ConnectorError on a page without users', async () => {
    fake = await startZoomFake({ users, pageSize: 2, malformed: { status: 'inactive', page: 1 } });
    const error = await rejection(zoomConnector(fastOptions()).pull(context(config(fake), ZOOM_ENV)));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.message).toBe('Zoom: a /v2/users page (status inactive) has no "users" array');
  });

  it('reports a bad client secret without printing it', async () => {
    fake = await startZoomFake({ users, pageSize: 2 });
    const error = await rejection(zoomConnector(fastOptions()).pull(context(config(fake), { ...ZOOM_ENV, ZOOM_CLIENT_SECRET: 'wrong-secret' })));
    expect(error.message).toBe(`Zoom: ${fake.url}/oauth/token answered 400: Invalid client_id or client_secret`);
    expect(`${error.message}${error.hint ?? ''}`).not.toContain('wrong-secret');
  });

  it('lists every missing variable', async () => {
    const error = await rejection(zoomConnector().pull(context({}, { ZOOM_CLIENT_ID: 'x' })));
    expect(error.message).toBe('Zoom: environment variables ZOOM_ACCOUNT_ID, ZOOM_CLIENT_SECRET are not set');
  });
});
