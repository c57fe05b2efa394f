import { afterEach, describe, expect, it } from 'vitest';
import { entraDiscovery } from '../../src/discover/sources/entra.ts';
import { googleDiscovery } from '../../src/discover/sources/google.ts';
import { oktaDiscovery } from '../../src/discover/sources/okta.ts';
import type { DiscoveryContext } from '../../src/discover/types.ts';
import { serviceAccountKey } from '../support/vendor-fakes/google-workspace.ts';
import type { VendorFake } from '../support/vendor-fakes/server.ts';
import { fastOptions } from '../usage/helpers.ts';
import { ENTRA_ENV, grant, OKTA_TOKEN, oktaApp, oktaAppUser, servicePrincipal, startGoogleTokenFake, startGraphFake, startOktaDiscoveryFake, tokenEvent } from './fakes.ts';

let fake: VendorFake | undefined;
afterEach(async () => {
  if (fake) expect(fake.unexpected).toEqual([]);
  await fake?.close();
  fake = undefined;
});

const ctx = (config: Record<string, unknown>, env: Record<string, string>, extra: Partial<DiscoveryContext> = {}): DiscoveryContext => ({
  config, env, today: '2026-11-20', fetch: globalThis.fetch, root: '/nonexistent', workDomains: ['example.com'], currency: 'EUR', rates: {}, ...extra,
});

describe('Okta apps and their assignments', () => {
  it('lists active apps with their assigned users over Link pages, after a 429, leaving out Okta\'s own apps', async () => {
    const apps = [
      oktaApp('0oa1', 'Miro', '2026-02-03T10:00:00.000Z', { settings: { app: { baseUrl: 'https://acme.miro.com/sso' }, signOn: {} } }),
      oktaApp('0oa2', 'Okta Dashboard', '2020-01-01T00:00:00.000Z', { name: 'okta_enduser' }),
      oktaApp('0oa3', 'Lucidchart', '2026-05-01T23:30:00.000Z', { settings: { app: {}, signOn: { ssoAcsUrl: 'https://lucid.app/saml/sso/acme' } } }),
    ];
    const users = {
      '0oa1': [oktaAppUser('00u1', 'ada@example.com'), oktaAppUser('00u2', 'bob@example.com'), oktaAppUser('00u3', 'cy@example.com'), oktaAppUser('00u4', 'dee@example.com', 'INACTIVE')],
      '0oa3': [oktaAppUser('00u1', 'ada@example.com')],
    };
    fake = await startOktaDiscoveryFake(apps, users, 2, ['/api/v1/apps#2']);
    const options = fastOptions();
    const result = await oktaDiscovery(options).pull(ctx({ base_url: fake.url }, { OKTA_API_TOKEN: OKTA_TOKEN }, { timeZone: 'Europe/Berlin' }));
    expect(result.apps).toEqual([
      { app: 'miro', name: 'Miro', domain: 'acme.miro.com', users: 3, firstSeen: '2026-02-03', lastSeen: '2026-11-20' },
      { app: 'lucidchart', name: 'Lucidchart', domain: 'lucid.app', users: 1, firstSeen: '2026-05-02', lastSeen: '2026-11-20' },
    ]);
    expect(options.waits).toHaveLength(1);
    expect(fake.requestsTo('/api/v1/apps').filter((r) => r.path === '/api/v1/apps').map((r) => r.query.get('after'))).toEqual([null, '2', '2']);
    expect(fake.requestsTo('/api/v1/apps/0oa1/users').map((r) => r.query.get('after'))).toEqual([null, '2']);
    expect(fake.requestsTo('/api/v1/apps/0oa2/users')).toEqual([]);
    expect(fake.requests.every((r) => r.headers.authorization === `SSWS ${OKTA_TOKEN}`)).toBe(true);
  });
});

describe('Google Workspace OAuth token events', () => {
  it('groups authorize events per app over pages and after a 429; personal accounts are counted, never named', async () => {
    const key = serviceAccountKey();
    const events = [
      tokenEvent('ada@example.com', '2026-09-01T08:00:00.000Z', 'Calendly', '1111.apps.googleusercontent.com'),
      tokenEvent('bob@example.com', '2026-10-11T09:00:00.000Z', 'Calendly', '1111.apps.googleusercontent.com'),
      tokenEvent('ada@example.com', '2026-11-02T09:00:00.000Z', 'Calendly', '1111.apps.googleusercontent.com'),
      tokenEvent('someone.private@gmail.com', '2026-11-03T09:00:00.000Z', 'Secret Dating Helper', '2222.apps.googleusercontent.com'),
      tokenEvent('cy@sales.example.com', '2026-11-04T09:00:00.000Z', 'Grammarly', '3333.apps.googleusercontent.com'),
      tokenEvent('ada@example.org', '2026-11-05T09:00:00.000Z', 'Calendly', '1111.apps.googleusercontent.com'),
    ];
    fake = await startGoogleTokenFake(key.publicKey, events, 2, ['page#2']);
    const options = fastOptions();
    const result = await googleDiscovery(options).pull(ctx({ subject: 'admin@example.com', base_url: fake.url, token_url: `${fake.url}/token` }, { GOOGLE_SERVICE_ACCOUNT_KEY: key.json }));
    expect(result.apps).toEqual([
      { app: 'calendly', name: 'Calendly', users: 2, firstSeen: '2026-09-01', lastSeen: '2026-11-02' },
      { app: 'grammarly', name: 'Grammarly', users: 1, firstSeen: '2026-11-04', lastSeen: '2026-11-04' },
    ]);
    expect(result.outsideWorkDomains).toBe(2);
    expect(JSON.stringify(result)).not.toMatch(/gmail|Dating|example\.org/);
    expect(options.waits).toEqual([1000]);
    const pages = fake.requestsTo('/admin/reports');
    expect(pages.map((r) => r.query.get('pageToken'))).toEqual([null, '2', '2', '4']);
    expect(pages[0]?.query.get('eventName')).toBe('authorize');
    expect(pages[0]?.query.get('startTime')).toBe('2026-08-23T00:00:00.000Z');
  });
});

describe('work domains', () => {
  it('default to the domain of the Google admin when org.yaml names none', async () => {
    const key = serviceAccountKey();
    fake = await startGoogleTokenFake(key.publicKey, [tokenEvent('ada@example.com', '2026-11-01T08:00:00.000Z', 'Miro', '1.apps'), tokenEvent('ada@gmail.com', '2026-11-01T08:00:00.000Z', 'Miro', '1.apps')], 10);
    const result = await googleDiscovery(fastOptions()).pull(ctx({ subject: 'admin@example.com', base_url: fake.url, token_url: `${fake.url}/token` }, { GOOGLE_SERVICE_ACCOUNT_KEY: key.json }, { workDomains: [] }));
    expect(result.apps.map((a) => [a.app, a.users])).toEqual([['miro', 1]]);
    expect(result.outsideWorkDomains).toBe(1);
  });
});

describe('Microsoft Entra delegated permission grants', () => {
  it('lists service principals holding grants, users per principal, admin consent as everyone; Microsoft\'s own apps left out', async () => {
    const principals = [
      servicePrincipal('sp1', 'Zoom', 'a1b2c3d4-0000-0000-0000-000000000001', 'https://zoom.us'),
      servicePrincipal('sp2', 'Microsoft Graph Explorer', 'f8cdef31-a31e-4b4a-93e4-5f571e91255a'),
      servicePrincipal('sp3', 'Adobe Acrobat', 'a1b2c3d4-0000-0000-0000-000000000002', 'https://acrobat.adobe.com'),
      servicePrincipal('sp4', 'Unused App', 'a1b2c3d4-0000-0000-0000-000000000003'),
    ];
    const grants = [grant('sp1', 'Principal', 'u1'), grant('sp1', 'Principal', 'u2'), grant('sp2', 'Principal', 'u1'), grant('sp3', 'AllPrincipals', null), grant('sp1', 'Principal', 'u1')];
    fake = await startGraphFake(principals, grants, 2, ['/v1.0/oauth2PermissionGrants#2']);
    const options = fastOptions();
    const result = await entraDiscovery(options).pull(ctx({ base_url: fake.url, token_url: `${fake.url}/${ENTRA_ENV.M365_TENANT_ID}/oauth2/v2.0/token` }, ENTRA_ENV));
    expect(result.apps).toEqual([
      { app: 'zoom', name: 'Zoom', domain: 'zoom.us', users: 2, firstSeen: '2026-11-20', lastSeen: '2026-11-20' },
      { app: 'adobe-acrobat', name: 'Adobe Acrobat', domain: 'acrobat.adobe.com', users: 0, allUsers: true, firstSeen: '2026-11-20', lastSeen: '2026-11-20' },
    ]);
    expect(options.waits).toEqual([2000]);
    expect(fake.requestsTo('/v1.0/oauth2PermissionGrants').map((r) => r.query.get('$skiptoken'))).toEqual([null, '2', '2', '4']);
    expect(fake.requestsTo('/v1.0/servicePrincipals').map((r) => r.query.get('$skiptoken'))).toEqual([null, '2']);
  });
});
