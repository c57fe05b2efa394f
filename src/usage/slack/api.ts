import { ConnectorError } from '../types.ts';
import { checkPageLimit, requestJson, type Http } from '../http/index.ts';
import { isRecord } from '../shared/values.ts';
import { vendorText } from '../../secrets/summary.ts';

/** Hints for the Slack error codes a pull can meet (api.slack.com/methods, "Errors"). */
const HINTS: Record<string, string> = {
  not_authed: 'Set SLACK_TOKEN to a bot or user token.',
  invalid_auth: 'SLACK_TOKEN is not valid any more; create a new token.',
  token_revoked: 'SLACK_TOKEN was revoked; create a new token.',
  account_inactive: 'The token belongs to a deactivated user or a deleted app.',
  missing_scope: 'Give the app the users:read, users:read.email and admin scopes, then reinstall it.',
  not_allowed_token_type: 'team.billableInfo needs a user token (xoxp-) of an admin.',
  ratelimited: 'Slack is rate limiting this token; run the pull again later.',
};

/**
 * Calls a Slack Web API method and follows `response_metadata.next_cursor` to the end.
 * Slack answers HTTP 200 with `{ ok: false, error }` for most failures, so `ok` is checked
 * on every page.
 */
export async function callPaged(
  http: Http,
  base: string,
  method: string,
  params: Record<string, string>,
  token: string,
  maxPages: number,
  onPage: (body: Record<string, unknown>) => void,
): Promise<void> {
  let cursor = '';
  const seen = new Set<string>();
  for (let pages = 1; ; pages++) {
    checkPageLimit(http, pages, maxPages);
    const query = new URLSearchParams({ ...params, ...(cursor ? { cursor } : {}) });
    const url = `${base}/${method}?${query.toString()}`;
    const { body } = await requestJson(http, url, { headers: { Authorization: `Bearer ${token}` } });
    if (!isRecord(body) || typeof body.ok !== 'boolean') {
      throw new ConnectorError(`Slack: ${method} page ${pages} is not a Slack API answer (no "ok" field)`);
    }
    if (!body.ok) {
      // Slack's own code and scope names only, shortened: a proxy or a fake may echo the request here.
      const code = typeof body.error === 'string' ? vendorText(body.error, http.redact, 80) : 'unknown_error';
      const needed = typeof body.needed === 'string' ? ` (needs ${vendorText(body.needed, http.redact, 80)})` : '';
      throw new ConnectorError(`Slack: ${method} failed: ${code}${needed}`, HINTS[code]);
    }
    onPage(body);
    const metadata = isRecord(body.response_metadata) ? body.response_metadata : {};
    const next = typeof metadata.next_cursor === 'string' ? metadata.next_cursor : '';
    if (next === '') return;
    if (seen.has(next)) throw new ConnectorError(`Slack: ${method} returned the same cursor twice`);
    seen.add(next);
    cursor = next;
  }
}
