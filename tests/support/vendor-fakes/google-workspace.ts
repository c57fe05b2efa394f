// Google Workspace fake: the OAuth token endpoint for service accounts (JWT bearer grant,
// RS256 signature checked against the test's public key), the Reports API Users Usage Report
// (`usageReports[].entity.userEmail`, `parameters[].datetimeValue`/`intValue` as a string,
// `nextPageToken`, `warnings[]`, and the 400 "not yet available" answer for recent days) and
// License Manager (`items[].userId/skuId/skuName`, `nextPageToken`), shapes from
// developers.google.com.
import { createVerify, generateKeyPairSync } from 'node:crypto';
import { startFake, type FakeResponse, type RecordedRequest, type VendorFake } from './server.ts';

const ACCESS_TOKEN = 'ya29.fake-access-token';

export function serviceAccountKey(): { json: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const json = JSON.stringify({
    type: 'service_account',
    project_id: 'lac-test',
    private_key_id: 'a1b2c3d4e5',
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    client_email: 'lac-usage@lac-test.iam.gserviceaccount.com',
    client_id: '109876543210987654321',
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: 'https://oauth2.googleapis.com/token',
  });
  return { json, publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

export function usageReport(email: string, date: string, lastLogin: string | undefined, gmail: string | undefined, extra: Record<string, unknown>[] = []): Record<string, unknown> {
  const parameters: Record<string, unknown>[] = [];
  if (lastLogin !== undefined) parameters.push({ name: 'accounts:last_login_time', datetimeValue: lastLogin });
  if (gmail !== undefined) parameters.push({ name: 'gmail:last_interaction_time', datetimeValue: gmail });
  return {
    kind: 'admin#reports#usageReport',
    date,
    etag: '"etag-report"',
    entity: { type: 'USER', customerId: 'C03az79cb', userEmail: email, profileId: String(100000 + email.length) },
    parameters: [...parameters, ...extra],
  };
}

export function assignment(userId: string, skuId: string, skuName: string): Record<string, unknown> {
  return {
    kind: 'licensing#licenseAssignment',
    etags: '"etag-assignment"',
    selfLink: `https://licensing.googleapis.com/apps/licensing/v1/product/Google-Apps/sku/${skuId}/user/${userId}`,
    userId,
    productId: 'Google-Apps',
    skuId,
    skuName,
    productName: 'Google Workspace',
  };
}

export interface GoogleScenario {
  publicKey: string;
  subject: string;
  /** The latest day with a ready report; later days answer 400. */
  readyUntil: string;
  /** Whether the 400 names the date (Google's message does). */
  notReadyNamesDate?: boolean;
  reports: Record<string, unknown>[];
  reportPageSize: number;
  assignments?: Record<string, unknown>[];
  assignmentPageSize?: number;
  malformedReportPage?: number;
  reportWarnings?: Record<string, unknown>[];
  /** Answer the first request for this report page (1-based) with 429, without Retry-After. */
  rateLimitReportPage?: number;
  /** Admin SDK Directory API users (`users.list`), and the deleted ones served for `showDeleted=true`. */
  directoryUsers?: Record<string, unknown>[];
  deletedUsers?: Record<string, unknown>[];
  directoryPageSize?: number;
  /** Answer this directory page (1-based) with 500. */
  failDirectoryPage?: number;
}

const DIRECTORY_SCOPE = 'https://www.googleapis.com/auth/admin.directory.user.readonly';

function verifyJwt(assertion: string, publicKey: string): Record<string, unknown> | undefined {
  const [header, claims, signature] = assertion.split('.');
  if (!header || !claims || !signature) return undefined;
  const ok = createVerify('RSA-SHA256').update(`${header}.${claims}`).verify(publicKey, Buffer.from(signature, 'base64url'));
  if (!ok) return undefined;
  const h = JSON.parse(Buffer.from(header, 'base64url').toString()) as Record<string, unknown>;
  if (h.alg !== 'RS256') return undefined;
  return JSON.parse(Buffer.from(claims, 'base64url').toString()) as Record<string, unknown>;
}

function unauthorized(req: RecordedRequest): FakeResponse | undefined {
  if (req.headers.authorization === `Bearer ${ACCESS_TOKEN}`) return undefined;
  return { status: 401, body: { error: { code: 401, message: 'Request had invalid authentication credentials.', status: 'UNAUTHENTICATED' } } };
}

function page<T>(items: T[], size: number, token: string | null): { slice: T[]; next: string | undefined; number: number } {
  const start = token ? Number(token.replace('page', '')) : 0;
  return { slice: items.slice(start, start + size), next: start + size < items.length ? `page${start + size}` : undefined, number: Math.floor(start / size) + 1 };
}

export async function startGoogleFake(scenario: GoogleScenario): Promise<VendorFake> {
  let limited = false;
  return startFake({
    'POST /token': (req, fake): FakeResponse => {
      const form = new URLSearchParams(req.body);
      if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'Invalid grant_type' } };
      const claims = verifyJwt(form.get('assertion') ?? '', scenario.publicKey);
      if (!claims) return { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' } };
      const now = Date.now() / 1000;
      const scopes = String(claims.scope).split(' ');
      if (
        claims.aud !== `${fake.url}/token` ||
        claims.iss !== 'lac-usage@lac-test.iam.gserviceaccount.com' ||
        typeof claims.iat !== 'number' || Math.abs(claims.iat - now) > 300 ||
        claims.exp !== (claims.iat as number) + 3600 ||
        !(scopes.includes('https://www.googleapis.com/auth/admin.reports.usage.readonly') || scopes.includes(DIRECTORY_SCOPE))
      ) {
        return { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid JWT: Token must be a short-lived token and in a reasonable timeframe.' } };
      }
      if (claims.sub !== scenario.subject) {
        return { status: 401, body: { error: 'unauthorized_client', error_description: 'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.' } };
      }
      return { body: { access_token: ACCESS_TOKEN, expires_in: 3599, token_type: 'Bearer' } };
    },
    'GET /admin/reports/v1/usage/users/all/dates/*': (req): FakeResponse => {
      const denied = unauthorized(req);
      if (denied) return denied;
      const date = req.path.split('/').pop() ?? '';
      if (date > scenario.readyUntil) {
        const message = scenario.notReadyNamesDate === false
          ? 'Data for the requested date is not yet available. Please check back later'
          : `Data for dates later than ${scenario.readyUntil} is not yet available. Please check back later`;
        return { status: 400, body: { error: { code: 400, message, errors: [{ message, domain: 'global', reason: 'invalid' }] } } };
      }
      const { slice, next, number } = page(scenario.reports, scenario.reportPageSize, req.query.get('pageToken'));
      if (scenario.rateLimitReportPage === number && !limited) {
        limited = true;
        return { status: 429, body: { error: { code: 429, message: "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user'", status: 'RESOURCE_EXHAUSTED' } } };
      }
      if (scenario.malformedReportPage === number) return { body: { kind: 'admin#reports#usageReports', usageReports: { not: 'a list' } } };
      return {
        body: {
          kind: 'admin#reports#usageReports',
          etag: '"etag-page"',
          ...(number === 1 && scenario.reportWarnings ? { warnings: scenario.reportWarnings } : {}),
          usageReports: slice.map((r) => ({ ...r, date })),
          ...(next ? { nextPageToken: next } : {}),
        },
      };
    },
    // Admin SDK Directory API users.list: `users[]`, `nextPageToken`; `customer=my_customer` names the admin's own account.
    'GET /admin/directory/v1/users': (req): FakeResponse => {
      const denied = unauthorized(req);
      if (denied) return denied;
      if (req.query.get('customer') !== 'my_customer') return { status: 400, body: { error: { code: 400, message: 'Bad Request', status: 'INVALID_ARGUMENT' } } };
      const deleted = req.query.get('showDeleted') === 'true';
      const { slice, next, number } = page(deleted ? (scenario.deletedUsers ?? []) : (scenario.directoryUsers ?? []), scenario.directoryPageSize ?? 500, req.query.get('pageToken'));
      if (!deleted && scenario.failDirectoryPage === number) return { status: 500, body: { error: { code: 500, message: 'Internal error encountered.', status: 'INTERNAL' } } };
      return { body: { kind: 'admin#directory#users', etag: '"etag-users"', users: slice, ...(next ? { nextPageToken: next } : {}) } };
    },
    'GET /apps/licensing/v1/product/*': (req): FakeResponse => {
      const denied = unauthorized(req);
      if (denied) return denied;
      const skuId = /\/sku\/([^/]+)\/users$/.exec(req.path)?.[1];
      const items = (scenario.assignments ?? []).filter((a) => skuId === undefined || a.skuId === skuId);
      const { slice, next } = page(items, scenario.assignmentPageSize ?? 100, req.query.get('pageToken'));
      return { body: { kind: 'licensing#licenseAssignmentList', etag: '"etag-list"', items: slice, ...(next ? { nextPageToken: next } : {}) } };
    },
  });
}
