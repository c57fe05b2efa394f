import { makeHttp, retryPolicy, type Http, type RetryPolicy } from '../usage/http/index.ts';
import { baseUrl, requireEnv } from '../usage/shared/config.ts';

/** What an API import needs from the outside: the environment (its tokens), fetch and the retry policy, injectable in tests. */
export interface ApiContext {
  env: Record<string, string | undefined>;
  fetch: typeof globalThis.fetch;
  policy?: Partial<RetryPolicy>;
  /** The most pages read per list before the import fails (a vendor repeating pages must not loop). */
  maxPages?: number;
}

/** The bounded, retrying HTTP client of the usage connectors, for one import source; https only, plain http to this machine only. */
export function importHttp(vendor: string, ctx: ApiContext, describeError?: (body: unknown) => string | undefined): Http {
  return makeHttp({ vendor, fetch: ctx.fetch, policy: retryPolicy(ctx.policy), timeoutMs: 60_000, ...(describeError ? { describeError } : {}) });
}

export const apiBase = (url: string, vendor: string) => baseUrl({ url }, 'url', vendor, url);
export const tokens = <K extends string>(ctx: ApiContext, names: readonly K[], vendor: string) => requireEnv(ctx.env, names, vendor);

/** Text from an API that HTML-escapes what it returns (Snipe-IT's e()), back to plain text. */
export function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#0?39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[e] ?? "'");
}
