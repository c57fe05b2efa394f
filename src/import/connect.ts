import { makeHttp, retryPolicy, type Http, type RetryPolicy } from '../usage/http/index.ts';
import { baseUrl, requireEnv } from '../usage/shared/config.ts';
import { ConnectorError } from '../usage/types.ts';

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

/** The --url of an import, checked as the usage connectors check theirs (https, or http to this machine only). */
export function apiBase(url: string, vendor: string): string {
  try {
    return baseUrl({ url }, 'url', vendor, url);
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    throw new ConnectorError(error.message.replace('usage.config.url', '--url'), 'tokens travel with every request: use the https address (plain http is accepted only to this machine)');
  }
}

/** The import's tokens from the environment; a missing one is named (never a value) with where to set it. */
export function tokens<K extends string>(ctx: ApiContext, names: readonly K[], vendor: string): Record<K, string> {
  try {
    return requireEnv(ctx.env, names, vendor);
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    throw new ConnectorError(error.message, `set ${names.join(' and ')} in the environment of \`lac import\` (the API token of a ${vendor} user who may read licenses and users)`);
  }
}

/** Text from an API that HTML-escapes what it returns (Snipe-IT's e()), back to plain text. */
export function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#0?39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[e] ?? "'");
}
