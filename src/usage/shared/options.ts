import type { ConnectorContext } from '../types.ts';
import { redactorFor } from '../../secrets/redact.ts';
import { makeHttp, retryPolicy, type Http, type RetryPolicy } from '../http/index.ts';

/**
 * What a connector factory accepts beyond the ConnectorContext: the retry policy and clock.
 * ConnectorContext carries no sleep or clock, so tests pass them here to run without waiting.
 */
export interface ConnectorOptions {
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
}

export const DEFAULT_MAX_PAGES = 10_000;

/** Builds the Http handle for one pull. */
export function httpFor(
  vendor: string,
  ctx: Pick<ConnectorContext, 'fetch' | 'signal' | 'env'>,
  options: ConnectorOptions,
  describeError?: (body: unknown) => string | undefined,
): Http {
  return makeHttp({
    vendor,
    fetch: ctx.fetch,
    policy: retryPolicy(options.retry),
    signal: ctx.signal,
    redact: redactorFor(ctx.env),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(describeError ? { describeError } : {}),
  });
}
