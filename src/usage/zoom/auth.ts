import { type Http } from '../http/index.ts';
import { fetchAccessToken } from '../http/token.ts';
import { isRecord } from '../shared/values.ts';

/**
 * Server-to-Server OAuth: POST {token_url}?grant_type=account_credentials&account_id=...
 * with HTTP Basic client_id:client_secret (developers.zoom.us, "Server-to-Server OAuth").
 */
export function zoomToken(http: Http, tokenUrl: string, accountId: string, clientId: string, clientSecret: string): Promise<string> {
  const url = new URL(tokenUrl);
  url.searchParams.set('grant_type', 'account_credentials');
  url.searchParams.set('account_id', accountId);
  const basic = Buffer.from(`${clientId}:${clientSecret}`).toString('base64');
  return fetchAccessToken(http, url.toString(), { headers: { Authorization: `Basic ${basic}` } }, 'Zoom', 'Check ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET and that the app is activated with the user:read:admin scope.');
}

/** Zoom's error body: `{ code, message }` (OAuth errors: `{ reason, error }`). */
export function describeZoomError(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  if (typeof body.message === 'string') return `${body.code !== undefined ? `${String(body.code)} ` : ''}${body.message}`;
  if (typeof body.reason === 'string') return body.reason;
  if (typeof body.error === 'string') return body.error;
  return undefined;
}
