import { type Http } from '../http/index.ts';
import { fetchAccessToken, formPost } from '../http/token.ts';
import { isRecord } from '../shared/values.ts';

/** OAuth 2.0 client credentials against Microsoft Entra ID, for Microsoft Graph. */
export function graphToken(http: Http, tokenUrl: string, clientId: string, clientSecret: string, graphBase: string): Promise<string> {
  const scope = `${new URL(graphBase).origin}/.default`;
  return fetchAccessToken(
    http,
    tokenUrl,
    formPost({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope }),
    'Microsoft 365',
    'Check M365_TENANT_ID, M365_CLIENT_ID and M365_CLIENT_SECRET (secrets expire), and grant the app Reports.Read.All, User.Read.All, Organization.Read.All and AuditLog.Read.All with admin consent.',
  );
}

/**
 * Graph's `{ error: { code, message } }` and Entra's `{ error, error_description }`; only the
 * first line of a description is kept (the rest is trace and correlation ids).
 */
export function describeGraphError(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  if (isRecord(body.error) && typeof body.error.code === 'string') {
    return `${body.error.code}${typeof body.error.message === 'string' ? ` ${body.error.message}` : ''}`;
  }
  if (typeof body.error === 'string') {
    const first = typeof body.error_description === 'string' ? body.error_description.split(/\r?\n/)[0] : undefined;
    return `${body.error}${first ? ` (${first.trim()})` : ''}`;
  }
  return undefined;
}
