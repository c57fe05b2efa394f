// Okta Users and App Users API fake: real object shapes (from developer.okta.com's examples),
// `Link: <...>; rel="next"` cursor paging with `after`, `SSWS` auth, and 429 answers with
// X-Rate-Limit-* headers and an E0000047 body.
import { startFake, type FakeResponse, type RecordedRequest, type VendorFake } from './server.ts';

export const OKTA_TOKEN = '00abcdEFGHtokenNeverPrinted';

export interface OktaScenario {
  users: Record<string, unknown>[];
  deprovisioned?: Record<string, unknown>[];
  appId?: string;
  appUsers?: Record<string, unknown>[];
  pageSize: number;
  /** Answer the first request for this page (1-based) with 429 once. */
  rateLimitPage?: number;
  /** Answer this page (1-based) with a body that is not JSON. */
  malformedPage?: number;
}

export function oktaUser(
  id: string,
  login: string,
  status: string,
  lastLogin: string | null,
  names: [string, string] = ['Test', 'User'],
): Record<string, unknown> {
  return {
    id,
    status,
    created: '2024-01-10T09:00:00.000Z',
    activated: status === 'STAGED' ? null : '2024-01-10T09:00:01.000Z',
    statusChanged: '2024-01-10T09:00:01.000Z',
    lastLogin,
    lastUpdated: '2025-06-01T10:00:00.000Z',
    passwordChanged: lastLogin === null ? null : '2024-01-10T09:10:00.000Z',
    type: { id: 'oty1abcdEFGH0001' },
    profile: { firstName: names[0], lastName: names[1], mobilePhone: null, secondEmail: null, login, email: login },
    credentials: { provider: { type: 'OKTA', name: 'OKTA' } },
    _links: { self: { href: `https://example.okta.com/api/v1/users/${id}` } },
  };
}

export function oktaAppUser(user: Record<string, unknown>, userName: string, status = 'PROVISIONED'): Record<string, unknown> {
  return {
    id: user.id,
    externalId: null,
    created: '2024-02-01T08:00:00.000Z',
    lastUpdated: '2024-02-01T08:00:00.000Z',
    scope: 'USER',
    status,
    statusChanged: '2024-02-01T08:00:00.000Z',
    passwordChanged: null,
    syncState: 'DISABLED',
    credentials: { userName },
    profile: { email: userName },
    _links: { user: { href: `https://example.okta.com/api/v1/users/${String(user.id)}` } },
    _embedded: { user },
  };
}

function paged(fake: VendorFake, req: RecordedRequest, items: Record<string, unknown>[], scenario: OktaScenario, served: Set<string>): FakeResponse {
  if (req.headers.authorization !== `SSWS ${OKTA_TOKEN}`) {
    return { status: 401, body: { errorCode: 'E0000011', errorSummary: 'Invalid token provided', errorLink: 'E0000011', errorId: 'oae1', errorCauses: [] } };
  }
  const after = req.query.get('after');
  const start = after === null ? 0 : Number(after.replace('cursor', ''));
  const page = Math.floor(start / scenario.pageSize) + 1;
  const key = `${req.path}?${req.query.get('filter') ?? ''}#${page}`;
  if (scenario.rateLimitPage === page && !served.has(key)) {
    served.add(key);
    // The reset and the Date header come from one reading of the clock, as on Okta's servers, so the
    // wait a client computes from them is exactly 3 s however long the answer takes to arrive.
    const now = Math.floor(Date.now() / 1000);
    return {
      status: 429,
      headers: { date: new Date(now * 1000).toUTCString(), 'x-rate-limit-limit': '600', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(now + 3) },
      body: { errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.', errorLink: 'E0000047', errorId: 'oae2', errorCauses: [] },
    };
  }
  if (scenario.malformedPage === page) return { status: 200, headers: { 'content-type': 'application/json' }, body: '[{"id": "00u-trunc' };
  const slice = items.slice(start, start + scenario.pageSize);
  const self = new URL(`${fake.url}${req.path}`);
  req.query.forEach((v, k) => self.searchParams.set(k, v));
  const links = [`<${self.toString()}>; rel="self"`];
  if (start + scenario.pageSize < items.length) {
    const next = new URL(self);
    next.searchParams.set('after', `cursor${start + scenario.pageSize}`);
    links.push(`<${next.toString()}>; rel="next"`);
  }
  return { headers: { link: links.join(', '), 'x-rate-limit-limit': '600', 'x-rate-limit-remaining': '599' }, body: slice };
}

export async function startOktaFake(scenario: OktaScenario): Promise<VendorFake> {
  const served = new Set<string>();
  const routes: Record<string, (req: RecordedRequest, fake: VendorFake) => FakeResponse> = {
    'GET /api/v1/users': (req, fake) => {
      const deprovisioned = req.query.get('filter') === 'status eq "DEPROVISIONED"';
      return paged(fake, req, deprovisioned ? (scenario.deprovisioned ?? []) : scenario.users, scenario, served);
    },
  };
  if (scenario.appId !== undefined) {
    routes[`GET /api/v1/apps/${scenario.appId}/users`] = (req, fake) => paged(fake, req, scenario.appUsers ?? [], scenario, served);
  }
  return startFake(routes);
}
