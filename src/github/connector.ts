// What the GitHub usage connectors share: a client built from the connector context, and
// GitHub failures turned into ConnectorErrors that say what to do.
import { ConnectorError, type ConnectorContext } from '../usage/types.ts';
import { createGitHubClient, type GitHubClient, type GitHubTimings } from './client.ts';
import { GitHubError } from './errors.ts';

export interface GitHubConnectorOptions {
  /** Tests shrink the retry and rate-limit waits. */
  timings?: Partial<GitHubTimings>;
}

/** An octokit for a pull: token and API base from the environment, the context's fetch. */
export function connectorClient(vendor: string, ctx: ConnectorContext, options: GitHubConnectorOptions): GitHubClient {
  const token = ctx.env.GITHUB_TOKEN?.trim();
  if (!token) {
    throw new ConnectorError(`${vendor}: environment variable GITHUB_TOKEN is not set`, 'Set it in the environment of `lac pull` (in Actions: a repository secret); see src/usage/README.md.');
  }
  const baseUrl = ctx.env.GITHUB_API_URL?.trim() || 'https://api.github.com';
  try {
    new URL(baseUrl);
  } catch {
    throw new ConnectorError(`${vendor}: GITHUB_API_URL is not a URL: ${JSON.stringify(baseUrl)}`);
  }
  const signal = ctx.signal;
  const fetch: typeof globalThis.fetch = signal ? (input, init) => ctx.fetch(input, { ...init, signal }) : ctx.fetch;
  return createGitHubClient({ token, baseUrl, fetch, ...(options.timings ? { timings: options.timings } : {}) });
}

/** A GitHub failure as a ConnectorError with a hint for the statuses people can fix. */
export function connectorError(vendor: string, error: unknown, scopes: string, notFound: string): Error {
  if (!(error instanceof GitHubError)) return error instanceof Error ? error : new Error(String(error));
  const hints: Record<number, string> = {
    401: 'GITHUB_TOKEN was rejected: it is wrong or expired.',
    403: `The token lacks permission (it needs ${scopes}), or the rate limit was exhausted.`,
    404: notFound,
  };
  return new ConnectorError(`${vendor}: ${error.message}`, hints[error.status]);
}
