// Zoom API fake: Server-to-Server OAuth token endpoint (`/oauth/token`, Basic auth,
// grant_type=account_credentials) and `/v2/users` with the shape from developers.zoom.us:
// `page_size`, `next_page_token` (empty string on the last page), `status` filter, and
// 429 answers with `Retry-After` and Zoom's `{ code, message }` body.
import { startFake, type FakeResponse, type VendorFake } from './server.ts';

export const ZOOM_ENV = { ZOOM_ACCOUNT_ID: 'acct-123', ZOOM_CLIENT_ID: 'client-abc', ZOOM_CLIENT_SECRET: 'zoom-secret-never-printed' };
const ACCESS_TOKEN = 'eyJzoom.access.token';

export interface ZoomScenario {
  users: Record<string, unknown>[];
  pageSize: number;
  rateLimitOnce?: { status: string; page: number; retryAfter: string };
  malformed?: { status: string; page: number };
}

export function zoomUser(id: string, email: string, type: number | string, status: string, lastLogin?: string): Record<string, unknown> {
  const [first = '', last = ''] = email.split('@')[0]!.split('.');
  return {
    id,
    created_at: '2023-06-01T07:58:03Z',
    dept: '',
    email,
    employee_unique_id: 'HqDyI037Qjili1kNsSIrIg',
    first_name: first,
    last_name: last,
    display_name: `${first} ${last}`.trim(),
    last_client_version: '5.17.5.2543(mac)',
    ...(lastLogin === undefined ? {} : { last_login_time: lastLogin }),
    pmi: 3542471135,
    role_id: '2',
    status,
    timezone: 'Europe/London',
    type,
    verified: 1,
    user_created_at: '2023-06-01T07:58:03Z',
  };
}

export async function startZoomFake(scenario: ZoomScenario): Promise<VendorFake> {
  let limited = false;
  return startFake({
    'POST /oauth/token': (req): FakeResponse => {
      const expected = `Basic ${Buffer.from(`${ZOOM_ENV.ZOOM_CLIENT_ID}:${ZOOM_ENV.ZOOM_CLIENT_SECRET}`).toString('base64')}`;
      if (req.headers.authorization !== expected) return { status: 400, body: { reason: 'Invalid client_id or client_secret', error: 'invalid_client' } };
      if (req.query.get('grant_type') !== 'account_credentials' || req.query.get('account_id') !== ZOOM_ENV.ZOOM_ACCOUNT_ID) {
        return { status: 400, body: { reason: 'unsupported grant type', error: 'unsupported_grant_type' } };
      }
      return { body: { access_token: ACCESS_TOKEN, token_type: 'bearer', expires_in: 3599, scope: 'user:read:admin', api_url: 'https://api.zoom.us' } };
    },
    'GET /v2/users': (req): FakeResponse => {
      if (req.headers.authorization !== `Bearer ${ACCESS_TOKEN}`) return { status: 401, body: { code: 124, message: 'Invalid access token.' } };
      const status = req.query.get('status') ?? 'active';
      const size = Math.min(Number(req.query.get('page_size') ?? 30), scenario.pageSize);
      const matching = scenario.users.filter((u) => u.status === status);
      const start = Number(req.query.get('next_page_token')?.replace('tok', '') || 0);
      const page = Math.floor(start / size) + 1;
      const limit = scenario.rateLimitOnce;
      if (limit && limit.status === status && limit.page === page && !limited) {
        limited = true;
        return {
          status: 429,
          headers: { 'retry-after': limit.retryAfter, 'x-ratelimit-category': 'Medium', 'x-ratelimit-type': 'QPS' },
          body: { code: 429, message: "You have reached the maximum per-second rate limit for this API. Try again later." },
        };
      }
      if (scenario.malformed?.status === status && scenario.malformed.page === page) {
        return { body: { page_count: 1, page_number: 1, page_size: size, total_records: matching.length, next_page_token: '' } };
      }
      const next = start + size < matching.length ? `tok${start + size}` : '';
      return {
        body: {
          next_page_token: next,
          page_count: Math.ceil(matching.length / size),
          page_number: page,
          page_size: size,
          total_records: matching.length,
          users: matching.slice(start, start + size),
        },
      };
    },
  });
}
