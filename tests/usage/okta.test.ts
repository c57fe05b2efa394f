import { afterEach, describe, expect, it } from 'vitest';
import { oktaConnector } from '../../src/usage/okta/index.ts';
import { ConnectorError } from '../../src/usage/types.ts';
import { OKTA_TOKEN, oktaAppUser, oktaUser, startOktaFake } from '../support/vendor-fakes/okta.ts';
import type { VendorFake } from '../support/vendor-fakes/server.ts';
import { context, fastOptions, rejection, expectFitsSnapshot } from './helpers.ts';

const env = { OKTA_API_TOKEN: OKTA_TOKEN };
let fake: VendorFake | undefined;
afterEach(async () => {
  if (fake) expect(fake.unexpected).toEqual([]);
  await fake?.close();
  fake = undefined;
});

const users = [
  oktaUser('00u1', 'ada@example.com', 'ACTIVE', '2026-11-18T22:15:03.000Z', ['Ada', 'Lovelace']),
  oktaUser('00u2', 'bob@example.com', 'SUSPENDED', '2026-03-01T08:00:00.000Z', ['Bob', 'Stone']),
  oktaUser('00u3', 'cy@example.com', 'STAGED', null, ['Cy', 'Young']),
  oktaUser('00u4', 'dee@example.com', 'PROVISIONED', null, ['Dee', 'Park']),
  oktaUser('00u5', 'eve@example.com', 'LOCKED_OUT', '2026-10-02T00:30:00.000Z', ['Eve', 'Moss']),
];

describe('okta connector', () => {
  it('reads every user over several Link-header pages, deprovisioned ones too', async () => {
    fake = await startOktaFake({
      users,
      deprovisioned: [oktaUser('00u9', 'zed@example.com', 'DEPROVISIONED', '2025-01-05T12:00:00.000Z', ['Zed', 'Old'])],
      pageSize: 2,
    });
    const result = await oktaConnector(fastOptions()).pull(context({ base_url: fake.url }, env));
    expect(result.accounts).toEqual([
      { account: 'ada@example.com', email: 'ada@example.com', login: 'ada@example.com', name: 'Ada Lovelace', status: 'active', last_active: '2026-11-18' },
      { account: 'bob@example.com', email: 'bob@example.com', login: 'bob@example.com', name: 'Bob Stone', status: 'suspended', last_active: '2026-03-01' },
      { account: 'cy@example.com', email: 'cy@example.com', login: 'cy@example.com', name: 'Cy Young', status: 'invited', last_active: null },
      { account: 'dee@example.com', email: 'dee@example.com', login: 'dee@example.com', name: 'Dee Park', status: 'invited', last_active: null },
      { account: 'eve@example.com', email: 'eve@example.com', login: 'eve@example.com', name: 'Eve Moss', status: 'active', last_active: '2026-10-02' },
      { account: 'zed@example.com', email: 'zed@example.com', login: 'zed@example.com', name: 'Zed Old', status: 'deactivated', last_active: '2025-01-05' },
    ]);
    expect(result.warnings).toEqual([]);
    expectFitsSnapshot(result, 'okta');
    const pages = fake.requestsTo('/api/v1/users');
    expect(pages.map((r) => r.query.get('after'))).toEqual([null, 'cursor2', 'cursor4', null]);
    expect(pages.every((r) => r.headers.authorization === `SSWS ${OKTA_TOKEN}`)).toBe(true);
    expect(pages[3]?.query.get('filter')).toBe('status eq "DEPROVISIONED"');
  });

  it('reads app assignments with the embedded user and its app user name', async () => {
    const [ada, bob, cy] = users;
    fake = await startOktaFake({
      users: [],
      appId: '0oa1gjh63g214q0Hq0g4',
      appUsers: [oktaAppUser(ada!, 'ada.l'), oktaAppUser(cy!, 'cyoung', 'STAGED'), oktaAppUser(bob!, 'bstone')],
      pageSize: 2,
    });
    const result = await oktaConnector(fastOptions()).pull(context({ base_url: `${fake.url}/`, app_id: '0oa1gjh63g214q0Hq0g4' }, env));
    expect(result.accounts.map((a) => [a.account, a.login, a.status, a.last_active])).toEqual([
      ['ada@example.com', 'ada.l', 'active', '2026-11-18'],
      ['bob@example.com', 'bstone', 'suspended', '2026-03-01'],
      ['cy@example.com', 'cyoung', 'invited', null],
    ]);
    const requests = fake.requestsTo('/api/v1/apps/');
    expect(requests).toHaveLength(2);
    expect(requests[0]?.query.get('expand')).toBe('user');
    expect(fake.requestsTo('/api/v1/users')).toEqual([]);
  });

  it('waits until X-Rate-Limit-Reset after a 429, then goes on', async () => {
    fake = await startOktaFake({ users, pageSize: 2, rateLimitPage: 2 });
    const options = fastOptions();
    const result = await oktaConnector(options).pull(context({ base_url: fake.url }, env));
    expect(result.accounts).toHaveLength(5);
    expect(options.waits).toEqual([3_000]);
    expect(fake.requestsTo('/api/v1/users').filter((r) => r.query.get('after') === 'cursor2')).toHaveLength(2);
  });

  it('fails with a ConnectorError on a malformed page, naming the URL but not the token', async () => {
    fake = await startOktaFake({ users, pageSize: 2, malformedPage: 2 });
    const error = await rejection(oktaConnector(fastOptions()).pull(context({ base_url: fake.url }, env)));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.message).toBe(`Okta: malformed JSON from ${new URL(fake.url).host} /api/v1/users (status 200)`);
    expect(error.message).not.toContain(OKTA_TOKEN);
  });

  it('reports Okta’s error summary on a 401', async () => {
    fake = await startOktaFake({ users, pageSize: 2 });
    const error = await rejection(oktaConnector(fastOptions()).pull(context({ base_url: fake.url }, { OKTA_API_TOKEN: 'wrong-token' })));
    expect(error.message).toBe(`Okta: ${fake.url}/api/v1/users answered 401: E0000011 Invalid token provided`);
    expect(error.hint).toMatch(/credentials/);
    expect(error.message).not.toContain('wrong-token');
  });

  it('names the missing variable and config key', async () => {
    const missingEnv = await rejection(oktaConnector().pull(context({ base_url: 'https://example.okta.com' }, {})));
    expect(missingEnv.message).toBe('Okta: environment variable OKTA_API_TOKEN is not set');
    const missingBase = await rejection(oktaConnector().pull(context({}, env)));
    expect(missingBase.message).toBe('Okta: usage.config.base_url is missing');
    const plain = await rejection(oktaConnector().pull(context({ base_url: 'http://example.okta.com' }, env)));
    expect(plain.message).toBe('Okta: usage.config.base_url must be an https URL, not http://example.okta.com');
  });
});
