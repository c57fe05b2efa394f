import { sourceEnv } from '../../secrets/env.ts';
import type { Http } from '../http/index.ts';
import { baseUrl, requireEnv, requiredString } from '../shared/config.ts';
import { httpFor, type ConnectorOptions } from '../shared/options.ts';
import type { ConnectorContext } from '../types.ts';
import { describeGoogleError, googleToken, parseServiceAccountKey, signAssertion, SCOPES } from './auth.ts';

export const GOOGLE = 'Google Workspace';
export const GOOGLE_ENV = sourceEnv('google-workspace');

/** One pull's access to Google's APIs: the admin impersonated, the HTTP handle and its bearer token. */
export interface GoogleSession {
  subject: string;
  http: Http;
  token: string;
}

type SessionContext = Pick<ConnectorContext, 'config' | 'env' | 'fetch' | 'signal'>;

/**
 * Signs the service account's assertion for `config.subject` with the given scopes and trades it
 * for an access token: the same for the usage source and the directory source.
 */
export async function openGoogleSession(
  ctx: SessionContext,
  options: ConnectorOptions & { now?: () => number },
  scopes: readonly string[] = SCOPES,
): Promise<GoogleSession> {
  const { GOOGLE_SERVICE_ACCOUNT_KEY: keyText } = requireEnv(ctx.env, GOOGLE_ENV, GOOGLE);
  const key = parseServiceAccountKey(keyText);
  const subject = requiredString(ctx.config, 'subject', GOOGLE, 'admin@example.com');
  const tokenUrl = baseUrl(ctx.config, 'token_url', GOOGLE, key.tokenUri ?? 'https://oauth2.googleapis.com/token');
  const http = httpFor(GOOGLE, ctx, options, describeGoogleError);
  const nowSeconds = Math.floor((options.now ?? Date.now)() / 1000);
  const token = await googleToken(http, tokenUrl, signAssertion(key, subject, tokenUrl, nowSeconds, scopes), scopes);
  return { subject, http, token };
}
