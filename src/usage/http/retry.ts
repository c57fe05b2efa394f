import { ConnectorError } from '../types.ts';

/** How hard a connector tries before it gives up; tests inject `sleep`, `now` and `timeout` so no verdict depends on wall time. */
export interface RetryPolicy {
  /** Attempts per request, the first one included. */
  maxAttempts: number;
  /** The longest single wait a vendor may ask for before the pull fails instead. */
  maxWaitMs: number;
  /** Wait used when a vendor gives no hint; doubled on each retry. */
  baseDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  /** A signal that aborts with a TimeoutError once a request has taken `ms`. */
  timeout: (ms: number) => AbortSignal;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  maxWaitMs: 120_000,
  baseDelayMs: 1_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
  timeout: (ms) => AbortSignal.timeout(ms),
};

export function retryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return { ...defaultRetryPolicy, ...overrides };
}

/** Statuses that mean "later", not "no": rate limits and temporary unavailability. */
export const RETRYABLE = new Set([429, 503]);

/**
 * How long the vendor asks us to wait, in ms, or undefined when it does not say.
 * Reads `Retry-After` (seconds, an HTTP date or, as Zoom sends for daily limits, an ISO
 * instant) and Okta's `X-Rate-Limit-Reset` (epoch seconds, measured against the response's
 * own `Date` header when present, as Okta recommends, so clock skew does not matter).
 */
export function requestedWaitMs(headers: Headers, now: number): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null && retryAfter.trim() !== '') {
    const value = retryAfter.trim();
    if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
    const at = Date.parse(value);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const reset = headers.get('x-rate-limit-reset');
  if (reset !== null && /^\d+$/.test(reset.trim())) {
    const serverDate = Date.parse(headers.get('date') ?? '');
    const reference = Number.isNaN(serverDate) ? now : serverDate;
    return Math.max(0, Number(reset.trim()) * 1000 - reference);
  }
  return undefined;
}

/** The wait before attempt `attempt + 1` (attempt counts from 1), or a ConnectorError if too long. */
export function waitBeforeRetry(vendor: string, headers: Headers, attempt: number, policy: RetryPolicy): number {
  const asked = requestedWaitMs(headers, policy.now());
  const wait = asked ?? policy.baseDelayMs * 2 ** (attempt - 1);
  if (wait > policy.maxWaitMs) {
    throw new ConnectorError(
      `${vendor} is rate limiting this client and asks to wait ${Math.ceil(wait / 1000)} s, longer than the ${Math.ceil(policy.maxWaitMs / 1000)} s this pull allows`,
      'Run the pull again later; the previous usage snapshot is kept.',
    );
  }
  return wait;
}
