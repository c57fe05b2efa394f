import { redactPatterns, type Redact } from '../../secrets/redact.ts';
import { malformedJson, vendorText } from '../../secrets/summary.ts';
import { ConnectorError } from '../types.ts';
import { RETRYABLE, waitBeforeRetry, type RetryPolicy } from './retry.ts';

/** What every vendor call needs; built once per pull from the ConnectorContext. */
export interface Http {
  /** The vendor's name in messages, e.g. "Okta". */
  vendor: string;
  fetch: typeof globalThis.fetch;
  policy: RetryPolicy;
  signal?: AbortSignal | undefined;
  /** Per-request time limit. */
  timeoutMs: number;
  /** Pulls the vendor's own error code and message fields out of an error body. */
  describeError?: (body: unknown) => string | undefined;
  /** Hides the pull's secrets in vendor text before it is shortened into a message. */
  redact: Redact;
}

export interface HttpOptions {
  vendor: string;
  fetch: typeof globalThis.fetch;
  policy: RetryPolicy;
  signal?: AbortSignal | undefined;
  timeoutMs?: number;
  describeError?: (body: unknown) => string | undefined;
  redact?: Redact;
}

export function makeHttp(options: HttpOptions): Http {
  return { timeoutMs: 60_000, redact: redactPatterns, ...options };
}

/** Where a request went, without its query string: queries can carry cursors or account ids. */
export function where(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

function requestSignal(http: Http): AbortSignal {
  const timeout = http.policy.timeout(http.timeoutMs);
  return http.signal ? AbortSignal.any([http.signal, timeout]) : timeout;
}

/**
 * Sends one request, retrying on 429/503 and network failures as `http.policy` allows.
 * Returns the final response whatever its status; callers decide what a 4xx means.
 */
export async function send(http: Http, url: string, init: RequestInit = {}): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await http.fetch(url, { ...init, signal: requestSignal(http) });
    } catch (error) {
      if (http.signal?.aborted) throw new ConnectorError(`${http.vendor}: the pull was cancelled`);
      const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'failed';
      if (attempt >= http.policy.maxAttempts) {
        throw new ConnectorError(
          `${http.vendor}: request to ${where(url)} ${reason} after ${attempt} attempts`,
          'Check the network and the base_url in usage.config; the previous usage snapshot is kept.',
        );
      }
      await http.policy.sleep(http.policy.baseDelayMs * 2 ** (attempt - 1));
      continue;
    }
    if (!RETRYABLE.has(response.status)) return response;
    if (attempt >= http.policy.maxAttempts) {
      await response.body?.cancel();
      throw new ConnectorError(
        `${http.vendor}: ${where(url)} still answered ${response.status} after ${attempt} attempts`,
        'The vendor is rate limiting or unavailable; run the pull again later. The previous usage snapshot is kept.',
      );
    }
    const wait = waitBeforeRetry(http.vendor, response.headers, attempt, http.policy);
    await response.body?.cancel();
    await http.policy.sleep(wait);
  }
}

/** Reads a body as JSON, or throws "malformed JSON from <host> <path>" (never the body: it may echo credentials). */
export async function readJson(http: Http, response: Response, url: string): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ConnectorError(
      `${http.vendor}: ${malformedJson(url)} (status ${response.status})`,
      'This looks like a vendor outage or a wrong base_url; the previous usage snapshot is kept.',
    );
  }
}

/**
 * Throws the ConnectorError for a non-2xx answer: the status and the vendor's error code and
 * message fields (redacted, one line, bounded). The body itself is never part of the message.
 */
export async function failFor(http: Http, response: Response, url: string, hint?: string): Promise<never> {
  let detail: string | undefined;
  const text = await response.text().catch(() => '');
  try {
    const described = http.describeError?.(JSON.parse(text) as unknown);
    detail = described === undefined ? undefined : vendorText(described, http.redact);
  } catch {
    detail = undefined;
  }
  const defaultHint =
    response.status === 401 || response.status === 403
      ? `Check that the credentials in the environment are valid and have the scopes the ${http.vendor} connector needs (see src/usage/README.md).`
      : undefined;
  throw new ConnectorError(
    `${http.vendor}: ${where(url)} answered ${response.status}${detail ? `: ${detail}` : ''}`,
    hint ?? defaultHint,
  );
}

/** GET (or other method) that must answer 2xx with JSON. */
export async function requestJson(
  http: Http,
  url: string,
  init: RequestInit = {},
): Promise<{ body: unknown; response: Response }> {
  const response = await send(http, url, init);
  if (!response.ok) return failFor(http, response, url);
  return { body: await readJson(http, response, url), response };
}

/** Fails when a vendor's next-page URL leaves the origin we were configured with, so a token never follows it. */
export function sameOrigin(http: Http, base: string, next: string): string {
  let resolved: URL;
  try {
    resolved = new URL(next, base);
  } catch {
    throw new ConnectorError(`${http.vendor}: the next-page link is not a URL`);
  }
  if (resolved.origin !== new URL(base).origin) {
    throw new ConnectorError(
      `${http.vendor}: the next-page link points at ${resolved.origin}, not ${new URL(base).origin}; refusing to send credentials there`,
    );
  }
  return resolved.toString();
}

/** Guards a paging loop: throws once more pages were needed than the pull allows. */
export function checkPageLimit(http: Http, pages: number, maxPages: number): void {
  if (pages > maxPages) {
    throw new ConnectorError(
      `${http.vendor}: stopped after ${maxPages} pages without reaching the last one`,
      'Raise maxPages if the account really is this large; otherwise the vendor is repeating pages.',
    );
  }
}
