// The one place that builds an Octokit: retry and throttling plugins, base URL and token from the environment.
import { Octokit } from 'octokit';
import { redactorFor } from '../secrets/redact.ts';
import { malformedJson } from '../secrets/summary.ts';
import { systemClock, type Clock } from '../util/clock.ts';
import { GitHubConfigError, GitHubError, toGitHubError } from './errors.ts';

export type GitHubClient = InstanceType<typeof Octokit>;

/** How long the client waits. Production uses GitHub's guidance; tests shrink the unit to milliseconds. */
export interface GitHubTimings {
  /** Milliseconds per second of `retry-after` / rate-limit reset (and per step of the 5xx backoff). */
  unitMs: number;
  /** Minimum gap between content-creating requests (GitHub asks for about one second). */
  writeGapMs: number;
  /** Retries per request for rate limits and server errors. */
  maxRetries: number;
  /** Longest rate-limit wait, in seconds, that is worth waiting for; beyond it the call fails. */
  maxWaitSeconds: number;
}

export const DEFAULT_TIMINGS: GitHubTimings = { unitMs: 1000, writeGapMs: 1000, maxRetries: 3, maxWaitSeconds: 600 };

export interface GitHubClientOptions {
  /** Read for GITHUB_TOKEN and GITHUB_API_URL when `token` / `baseUrl` are not given. */
  env?: Record<string, string | undefined>;
  token?: string;
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  timings?: Partial<GitHubTimings>;
  /** The clock that spaces writes; the system's by default. */
  clock?: Clock;
  /** Where rate-limit waits are reported; silent by default. Messages never contain tokens. */
  warn?: (message: string) => void;
}

export interface Repository {
  owner: string;
  repo: string;
}

/** `owner/name` from GITHUB_REPOSITORY (set by GitHub Actions). */
export function repositoryFromEnv(env: Record<string, string | undefined>): Repository {
  const value = env.GITHUB_REPOSITORY?.trim() ?? '';
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(value);
  if (!match?.[1] || !match[2]) {
    throw new GitHubConfigError(value === '' ? 'GITHUB_REPOSITORY is not set' : `GITHUB_REPOSITORY must be "owner/name", not ${JSON.stringify(value)}`, 'GitHub Actions sets it; elsewhere export GITHUB_REPOSITORY=owner/name.');
  }
  return { owner: match[1], repo: match[2] };
}

/**
 * A stand-in for Bottleneck.Group that spaces jobs `gapMs` apart: the throttling plugin's own
 * write and notification groups wait 1 s and 3 s, which tests cannot afford and cannot tune.
 */
function spacing(gapMs: number, clock: Clock): unknown {
  let next = 0;
  const limiter = {
    async schedule(...args: unknown[]): Promise<unknown> {
      const at = typeof args[0] === 'function' ? 0 : 1;
      const fn = args[at] as (...rest: unknown[]) => unknown;
      const now = clock.now();
      const slot = Math.max(now, next);
      next = slot + gapMs;
      if (slot > now) await clock.sleep(slot - now);
      return fn(...args.slice(at + 1));
    },
  };
  return { key: () => limiter };
}

/**
 * Timings from LAC_GITHUB_WAIT_UNIT_MS and LAC_GITHUB_WRITE_GAP_MS, so end-to-end tests that run
 * the CLI as a child process against the fake do not wait a second per write.
 */
export function timingsFromEnv(env: Record<string, string | undefined>): Partial<GitHubTimings> {
  const read = (name: string): number | undefined => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 60_000) throw new GitHubConfigError(`${name} must be a whole number of milliseconds from 0 to 60000`);
    return n;
  };
  const out: Partial<GitHubTimings> = {};
  const unitMs = read('LAC_GITHUB_WAIT_UNIT_MS');
  const writeGapMs = read('LAC_GITHUB_WRITE_GAP_MS');
  if (unitMs !== undefined) out.unitMs = unitMs;
  if (writeGapMs !== undefined) out.writeGapMs = writeGapMs;
  return out;
}

/** The route template (`/repos/{owner}/{repo}/pulls`), or the path without host and query for follow-up pages. */
function commandPath(url: string, baseUrl: string): string {
  if (!/^https?:/.test(url)) return url.split('?')[0] ?? url;
  const path = new URL(url).pathname;
  const prefix = new URL(baseUrl).pathname.replace(/\/+$/, '');
  return prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** Builds the Octokit every GitHub call of lac goes through. */
export function createGitHubClient(options: GitHubClientOptions = {}): GitHubClient {
  const env = options.env ?? process.env;
  const token = options.token ?? env.GITHUB_TOKEN?.trim();
  if (!token) throw new GitHubConfigError('GITHUB_TOKEN is not set', 'In a workflow pass `secrets.GITHUB_TOKEN` (or a GitHub App token) in `env:`; locally export a token.');
  const rawBase = options.baseUrl ?? env.GITHUB_API_URL?.trim() ?? '';
  if (rawBase !== '' && !/^https?:\/\/[^\s]+$/.test(rawBase)) throw new GitHubConfigError(`GITHUB_API_URL is not an http(s) URL: ${JSON.stringify(rawBase)}`);
  const baseUrl = (rawBase || 'https://api.github.com').replace(/\/+$/, '');
  const t = { ...DEFAULT_TIMINGS, ...timingsFromEnv(env), ...options.timings };
  const warn = options.warn ?? (() => {});
  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    const retry = retryCount < t.maxRetries && retryAfter <= t.maxWaitSeconds;
    warn(`GitHub ${kind} for ${request.method} ${request.url}: ${retry ? `retrying in ${retryAfter}s` : 'giving up'}`);
    return retry;
  };
  const group = spacing(t.writeGapMs, options.clock ?? systemClock) as never;
  const octokit = new Octokit({
    auth: token,
    baseUrl,
    userAgent: 'lac (licenses as code)',
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    request: options.fetch ? { fetch: options.fetch } : {},
    // 429 is a secondary rate limit: leave it to the throttling plugin, which honours retry-after.
    retry: { retries: t.maxRetries, retryAfterBaseValue: t.unitMs, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    throttle: {
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
      retryAfterBaseValue: t.unitMs,
      fallbackSecondaryRateRetryAfter: 60,
      write: group,
      notifications: group,
    },
  });
  // Outermost hook: after retries, every failure becomes a GitHubError that names the operation only.
  const redact = redactorFor(env, [token]);
  octokit.hook.wrap('request', async (request, opts) => {
    const command = `${opts.method} ${commandPath(opts.url, baseUrl)}`;
    let response;
    try {
      response = await request(opts);
    } catch (error) {
      throw toGitHubError(command, error, redact);
    }
    // Octokit hands back the raw text of a JSON answer it cannot parse; lac only calls JSON endpoints.
    if (typeof response.data === 'string' && response.data !== '') throw new GitHubError(command, response.status, malformedJson(response.url));
    return response;
  });
  return octokit;
}
