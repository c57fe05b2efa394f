import { createSign } from 'node:crypto';
import { ConnectorError } from '../types.ts';
import { type Http } from '../http/index.ts';
import { fetchAccessToken, formPost } from '../http/token.ts';
import { isRecord } from '../shared/values.ts';

export const SCOPES = [
  'https://www.googleapis.com/auth/admin.reports.usage.readonly',
  'https://www.googleapis.com/auth/apps.licensing',
];

export interface ServiceAccountKey {
  clientEmail: string;
  clientId: string | undefined;
  privateKey: string;
  privateKeyId: string | undefined;
  tokenUri: string | undefined;
}

/** Parses the JSON key file's content; never echoes any of it in an error. */
export function parseServiceAccountKey(text: string): ServiceAccountKey {
  let key: unknown;
  try {
    key = JSON.parse(text);
  } catch {
    throw new ConnectorError(
      'Google Workspace: GOOGLE_SERVICE_ACCOUNT_KEY is not JSON',
      'Set it to the whole content of the service account\'s JSON key file, not its path.',
    );
  }
  if (!isRecord(key) || typeof key.client_email !== 'string' || typeof key.private_key !== 'string') {
    throw new ConnectorError(
      'Google Workspace: GOOGLE_SERVICE_ACCOUNT_KEY has no client_email or private_key',
      'Use a key of type "service_account" created in the Google Cloud console.',
    );
  }
  return {
    clientEmail: key.client_email,
    clientId: typeof key.client_id === 'string' ? key.client_id : undefined,
    privateKey: key.private_key,
    privateKeyId: typeof key.private_key_id === 'string' ? key.private_key_id : undefined,
    tokenUri: typeof key.token_uri === 'string' ? key.token_uri : undefined,
  };
}

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/** The signed RS256 JWT assertion for domain-wide delegation (RFC 7523), impersonating `subject`. */
export function signAssertion(key: ServiceAccountKey, subject: string, audience: string, nowSeconds: number, scopes: readonly string[] = SCOPES): string {
  const header = { alg: 'RS256', typ: 'JWT', ...(key.privateKeyId ? { kid: key.privateKeyId } : {}) };
  const claims = { iss: key.clientEmail, sub: subject, scope: scopes.join(' '), aud: audience, iat: nowSeconds, exp: nowSeconds + 3600 };
  const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  let signature: Buffer;
  try {
    signature = createSign('RSA-SHA256').update(unsigned).sign(key.privateKey);
  } catch {
    throw new ConnectorError('Google Workspace: the private_key in GOOGLE_SERVICE_ACCOUNT_KEY cannot sign (not a PEM RSA key)');
  }
  return `${unsigned}.${signature.toString('base64url')}`;
}

/** Exchanges the assertion for an access token at the token endpoint. */
export function googleToken(http: Http, tokenUrl: string, assertion: string, scopes: readonly string[] = SCOPES): Promise<string> {
  return fetchAccessToken(
    http,
    tokenUrl,
    formPost({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }),
    'Google Workspace',
    `In the Google Admin console (Security > API controls > Domain-wide delegation) allow the service account's client id these scopes: ${scopes.join(', ')}; and check that config.subject is an admin.`,
  );
}

/** Google's error bodies: `{ error: { code, message, status } }` or OAuth's `{ error, error_description }`. */
export function describeGoogleError(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  if (isRecord(body.error) && typeof body.error.message === 'string') {
    return `${typeof body.error.status === 'string' ? `${body.error.status} ` : ''}${body.error.message}`;
  }
  if (typeof body.error === 'string') {
    return `${body.error}${typeof body.error_description === 'string' ? ` (${body.error_description})` : ''}`;
  }
  return undefined;
}
