// Slack Web API fake: `users.list` and `team.billableInfo` with the shapes from api.slack.com,
// cursor paging through `response_metadata.next_cursor` (base64 like Slack's, empty on the
// last page), HTTP 200 `{ ok: false, error }` failures and HTTP 429 with `Retry-After`.
import { startFake, type FakeResponse, type RecordedRequest, type VendorFake } from './server.ts';

export const SLACK_TOKEN = 'xoxp-1111-2222-never-printed';

export interface SlackScenario {
  members: Record<string, unknown>[];
  billable: Record<string, { billing_active: boolean }>;
  pageSize: number;
  /** users.list page (1-based) answered once with 429 and this Retry-After. */
  rateLimitPage?: number;
  retryAfterSeconds?: number;
  /** users.list page (1-based) answered with ok:false and this error. */
  errorPage?: { page: number; error: string };
}

export function slackMember(id: string, name: string, email: string | undefined, flags: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    team_id: 'T012AB3C4',
    name,
    deleted: false,
    color: '9f69e7',
    real_name: name.replace('.', ' '),
    tz: 'Europe/London',
    tz_label: 'Greenwich Mean Time',
    tz_offset: 0,
    profile: {
      avatar_hash: 'ge3b51ca72de',
      status_text: '',
      status_emoji: '',
      real_name: name.replace('.', ' '),
      display_name: name,
      real_name_normalized: name.replace('.', ' '),
      display_name_normalized: name,
      ...(email === undefined ? {} : { email }),
      image_24: 'https://example.com/avatar_24.jpg',
      team: 'T012AB3C4',
    },
    is_admin: false,
    is_owner: false,
    is_primary_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: false,
    is_app_user: false,
    updated: 1502138686,
    has_2fa: false,
    ...flags,
  };
}

const cursorFor = (start: number) => Buffer.from(`user:${start}`).toString('base64');
const startOf = (cursor: string | null) => (cursor ? Number(Buffer.from(cursor, 'base64').toString().split(':')[1]) : 0);

function authorized(req: RecordedRequest): boolean {
  return req.headers.authorization === `Bearer ${SLACK_TOKEN}`;
}

export async function startSlackFake(scenario: SlackScenario): Promise<VendorFake> {
  let limited = false;
  return startFake({
    'GET /api/users.list': (req): FakeResponse => {
      if (!authorized(req)) return { body: { ok: false, error: 'invalid_auth' } };
      const start = startOf(req.query.get('cursor'));
      const size = Math.min(Number(req.query.get('limit') ?? 100), scenario.pageSize);
      const page = Math.floor(start / scenario.pageSize) + 1;
      if (scenario.rateLimitPage === page && !limited) {
        limited = true;
        return { status: 429, headers: { 'retry-after': String(scenario.retryAfterSeconds ?? 2) }, body: { ok: false, error: 'ratelimited' } };
      }
      if (scenario.errorPage?.page === page) return { body: { ok: false, error: scenario.errorPage.error } };
      const next = start + size < scenario.members.length ? cursorFor(start + size) : '';
      return {
        body: { ok: true, members: scenario.members.slice(start, start + size), cache_ts: 1498777272, response_metadata: { next_cursor: next } },
      };
    },
    'GET /api/team.billableInfo': (req): FakeResponse => {
      if (!authorized(req)) return { body: { ok: false, error: 'invalid_auth' } };
      const entries = Object.entries(scenario.billable);
      const start = startOf(req.query.get('cursor'));
      const size = Math.min(Number(req.query.get('limit') ?? 100), scenario.pageSize);
      const next = start + size < entries.length ? cursorFor(start + size) : '';
      return { body: { ok: true, billable_info: Object.fromEntries(entries.slice(start, start + size)), response_metadata: { next_cursor: next } } };
    },
  });
}
