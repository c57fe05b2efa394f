import { ConnectorError } from '../types.ts';
import { isRecord } from '../shared/values.ts';
import { failFor, readJson, send, type Http } from './client.ts';

/**
 * Asks an OAuth 2.0 token endpoint for an access token (client credentials, a JWT bearer
 * assertion, Zoom's account credentials): a refusal fails with `hint`, what to check; an answer
 * without `access_token` fails too. The request's secrets are never part of a message.
 */
export async function fetchAccessToken(http: Http, url: string, init: RequestInit, vendor: string, hint: string): Promise<string> {
  const response = await send(http, url, { method: 'POST', ...init });
  if (!response.ok) return failFor(http, response, url, hint);
  const answer = await readJson(http, response, url);
  if (!isRecord(answer) || typeof answer.access_token !== 'string' || answer.access_token === '') {
    throw new ConnectorError(`${vendor}: the token endpoint answered without an access_token`);
  }
  return answer.access_token;
}

/** The request options of a form-encoded token request. */
export const formPost = (fields: Record<string, string>): RequestInit => ({
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});
