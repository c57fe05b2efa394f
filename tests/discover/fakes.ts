// Fakes of the discovery sources' APIs on 127.0.0.1, in the shapes their documents give:
// - Okta Apps API (developer.okta.com/docs/api/openapi/okta-management/management/tag/Application):
//   GET /api/v1/apps (Application objects: id, name, label, status, created, settings) and
//   GET /api/v1/apps/{appId}/users (AppUser: id, credentials.userName, status), cursor paging by
//   `Link: <...after=...>; rel="next"`, 429 with X-Rate-Limit-Reset.
// - Google Admin SDK Reports API activities.list, applicationName=token
//   (developers.google.com/admin-sdk/reports/v1/appendix/activity/token): items[].id.time,
//   items[].actor.email, events[] { type: auth, name: authorize, parameters: app_name, client_id,
//   scope (multiValue), client_type }, nextPageToken; the OAuth JWT-bearer token endpoint.
// - Microsoft Graph v1.0 (learn.microsoft.com/graph/api/serviceprincipal-list and
//   oauth2permissiongrant-list): { value: [...], @odata.nextLink }, client-credentials token.
import { createVerify } from 'node:crypto';
import { startFake, type FakeResponse, type RecordedRequest, type VendorFake } from '../support/vendor-fakes/server.ts';

export const OKTA_TOKEN = '00a-okta-discovery-token';
const BEARER = 'ya29.discovery-token';

/** Answers once with 429 for the request whose key is listed, then normally. */
function limiter(keys: Set<string>, answer: () => FakeResponse) {
  const served = new Set<string>();
  return (key: string): FakeResponse | undefined => {
    if (!keys.has(key) || served.has(key)) return undefined;
    served.add(key);
    return answer();
  };
}

export function oktaApp(id: string, label: string, created: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, name: label.toLowerCase().replace(/\W+/g, '_'), label, status: 'ACTIVE', created, lastUpdated: created, signOnMode: 'SAML_2_0', settings: { app: {}, signOn: {} }, _links: {}, ...extra };
}

export function oktaAppUser(id: string, userName: string, status = 'ACTIVE'): Record<string, unknown> {
  return { id, externalId: null, created: '2026-01-01T00:00:00.000Z', scope: 'USER', status, credentials: { userName }, profile: {}, _links: {} };
}

export async function startOktaDiscoveryFake(apps: Record<string, unknown>[], users: Record<string, Record<string, unknown>[]>, pageSize: number, limited: string[] = []): Promise<VendorFake> {
  const limit = limiter(new Set(limited), () => {
    const now = Math.floor(Date.now() / 1000);
    return { status: 429, headers: { date: new Date(now * 1000).toUTCString(), 'x-rate-limit-reset': String(now + 2), 'x-rate-limit-remaining': '0' }, body: { errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.', errorCauses: [] } };
  });
  const paged = (fake: VendorFake, req: RecordedRequest, items: Record<string, unknown>[]): FakeResponse => {
    if (req.headers.authorization !== `SSWS ${OKTA_TOKEN}`) return { status: 401, body: { errorCode: 'E0000011', errorSummary: 'Invalid token provided', errorCauses: [] } };
    const start = Number(req.query.get('after') ?? 0);
    const limited = limit(`${req.path}#${start}`);
    if (limited) return limited;
    const self = new URL(`${fake.url}${req.path}`);
    req.query.forEach((v, k) => self.searchParams.set(k, v));
    const links = [`<${self}>; rel="self"`];
    if (start + pageSize < items.length) {
      self.searchParams.set('after', String(start + pageSize));
      links.push(`<${self}>; rel="next"`);
    }
    return { headers: { link: links.join(', '), 'content-type': 'application/json' }, body: items.slice(start, start + pageSize) };
  };
  return startFake({
    'GET /api/v1/apps': (req, fake) => paged(fake, req, apps),
    'GET /api/v1/apps/*': (req, fake) => {
      const m = /^\/api\/v1\/apps\/([^/]+)\/users$/.exec(req.path);
      return m ? paged(fake, req, users[m[1]!] ?? []) : { status: 404, body: { errorCode: 'E0000007', errorSummary: 'Not found', errorCauses: [] } };
    },
  });
}

export function tokenEvent(email: string, time: string, appName: string, clientId: string): Record<string, unknown> {
  return {
    kind: 'admin#reports#activity',
    id: { time, uniqueQualifier: '358068855354', applicationName: 'token', customerId: 'C03az79cb' },
    etag: '"etag-activity"',
    actor: { callerType: 'USER', email, profileId: '1234567890' },
    events: [
      {
        type: 'auth',
        name: 'authorize',
        parameters: [
          { name: 'client_id', value: clientId },
          { name: 'app_name', value: appName },
          { name: 'client_type', value: 'WEB' },
          { name: 'scope', multiValue: ['https://www.googleapis.com/auth/userinfo.email', 'openid'] },
        ],
      },
    ],
  };
}

/** The token endpoint (a JWT-bearer assertion signed by the test key, with the audit scope) and activities.list for `token`. */
export async function startGoogleTokenFake(publicKey: string, events: Record<string, unknown>[], pageSize: number, limited: string[] = []): Promise<VendorFake> {
  const limit = limiter(new Set(limited), () => ({ status: 429, headers: { 'retry-after': '1' }, body: { error: { code: 429, message: 'Quota exceeded', status: 'RESOURCE_EXHAUSTED' } } }));
  return startFake({
    'POST /token': (req) => {
      const assertion = new URLSearchParams(req.body).get('assertion') ?? '';
      const [head, body, sig] = assertion.split('.');
      const valid = createVerify('RSA-SHA256').update(`${head}.${body}`).verify(publicKey, Buffer.from(sig ?? '', 'base64url'));
      const claims = JSON.parse(Buffer.from(body ?? '', 'base64url').toString('utf8')) as { scope?: string };
      if (!valid || claims.scope !== 'https://www.googleapis.com/auth/admin.reports.audit.readonly') return { status: 401, body: { error: 'unauthorized_client', error_description: 'Client is unauthorized to retrieve access tokens using this method.' } };
      return { body: { access_token: BEARER, expires_in: 3599, token_type: 'Bearer' } };
    },
    'GET /admin/reports/v1/activity/users/all/applications/token': (req) => {
      if (req.headers.authorization !== `Bearer ${BEARER}`) return { status: 401, body: { error: { code: 401, message: 'Invalid Credentials', status: 'UNAUTHENTICATED' } } };
      const start = Number(req.query.get('pageToken') ?? 0);
      const limited = limit(`page#${start}`);
      if (limited) return limited;
      const next = start + pageSize < events.length ? String(start + pageSize) : undefined;
      return { body: { kind: 'admin#reports#activities', etag: '"etag"', items: events.slice(start, start + pageSize), ...(next ? { nextPageToken: next } : {}) } };
    },
  });
}

export const ENTRA_ENV = { M365_TENANT_ID: 'contoso-tenant', M365_CLIENT_ID: 'discovery-client', M365_CLIENT_SECRET: 'entra~secret~never~printed' };

/** The Entra token endpoint and the two Graph collections, paged by `@odata.nextLink` with `$skiptoken`. */
export async function startGraphFake(principals: Record<string, unknown>[], grants: Record<string, unknown>[], pageSize: number, limited: string[] = []): Promise<VendorFake> {
  const limit = limiter(new Set(limited), () => ({ status: 429, headers: { 'retry-after': '2' }, body: { error: { code: 'TooManyRequests', message: 'Too many requests' } } }));
  const collection = (fake: VendorFake, req: RecordedRequest, items: Record<string, unknown>[]): FakeResponse => {
    if (req.headers.authorization !== 'Bearer graph.discovery.token') return { status: 401, body: { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } } };
    const start = Number(req.query.get('$skiptoken') ?? 0);
    const limited = limit(`${req.path}#${start}`);
    if (limited) return limited;
    const next = new URL(`${fake.url}${req.path}`);
    req.query.forEach((v, k) => next.searchParams.set(k, v));
    next.searchParams.set('$skiptoken', String(start + pageSize));
    return { body: { '@odata.context': `${fake.url}/v1.0/$metadata#collection`, value: items.slice(start, start + pageSize), ...(start + pageSize < items.length ? { '@odata.nextLink': next.toString() } : {}) } };
  };
  return startFake({
    [`POST /${ENTRA_ENV.M365_TENANT_ID}/oauth2/v2.0/token`]: (req) => {
      const form = new URLSearchParams(req.body);
      if (form.get('client_secret') !== ENTRA_ENV.M365_CLIENT_SECRET) return { status: 401, body: { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' } };
      return { body: { token_type: 'Bearer', expires_in: 3599, access_token: 'graph.discovery.token' } };
    },
    'GET /v1.0/servicePrincipals': (req, fake) => collection(fake, req, principals),
    'GET /v1.0/oauth2PermissionGrants': (req, fake) => collection(fake, req, grants),
  });
}

export function servicePrincipal(id: string, appDisplayName: string, owner: string, homepage?: string): Record<string, unknown> {
  return { id, appId: `app-${id}`, appDisplayName, displayName: appDisplayName, appOwnerOrganizationId: owner, servicePrincipalType: 'Application', replyUrls: homepage ? [`${homepage}/auth/callback`] : [], ...(homepage ? { homepage } : {}) };
}

export function grant(clientId: string, consentType: 'AllPrincipals' | 'Principal', principalId: string | null): Record<string, unknown> {
  return { id: `grant-${clientId}-${principalId ?? 'all'}`, clientId, consentType, principalId, resourceId: 'graph-sp-id', scope: 'openid profile User.Read' };
}
