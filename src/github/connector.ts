// What the GitHub usage connectors share: a client built from the connector context, and
// GitHub failures turned into ConnectorErrors that say what to do.
import { ConnectorError, type ConnectorContext } from '../usage/types.ts';
import { createGitHubClient, type GitHubClient, type GitHubTimings } from './client.ts';
import { GitHubError } from './errors.ts';

export interface GitHubConnectorOptions {
  /** Tests shrink the retry and rate-limit waits. */
  timings?: Partial<GitHubTimings>;
}

/** The org- or enterprise-scoped token the usage sources prefer; the repository's GITHUB_TOKEN cannot read billing. */
export const USAGE_TOKEN = 'LAC_GITHUB_USAGE_TOKEN';

/** Which variable holds the token for a usage pull: LAC_GITHUB_USAGE_TOKEN, else GITHUB_TOKEN; undefined when neither is set. */
export function usageTokenName(env: Record<string, string | undefined>): typeof USAGE_TOKEN | 'GITHUB_TOKEN' | undefined {
  if (env[USAGE_TOKEN]?.trim()) return USAGE_TOKEN;
  return env.GITHUB_TOKEN?.trim() ? 'GITHUB_TOKEN' : undefined;
}

export interface ConnectorClient {
  octokit: GitHubClient;
  /** The variable the token came from, for the pull's output (never the value). */
  tokenName: string;
}

/** An octokit for a pull: token and API base from the environment, the context's fetch. */
export function connectorClient(vendor: string, ctx: ConnectorContext, options: GitHubConnectorOptions): ConnectorClient {
  const tokenName = usageTokenName(ctx.env);
  if (!tokenName) {
    throw new ConnectorError(`${vendor}: neither ${USAGE_TOKEN} nor GITHUB_TOKEN is set`, `Set ${USAGE_TOKEN} to a token that can read the organization's billing or the enterprise's licenses (in Actions: a repository secret); see src/usage/README.md.`);
  }
  const token = (ctx.env[tokenName] ?? '').trim();
  const baseUrl = ctx.env.GITHUB_API_URL?.trim() || 'https://api.github.com';
  try {
    new URL(baseUrl);
  } catch {
    throw new ConnectorError(`${vendor}: GITHUB_API_URL is not a URL: ${JSON.stringify(baseUrl)}`);
  }
  const signal = ctx.signal;
  const fetch: typeof globalThis.fetch = signal ? (input, init) => ctx.fetch(input, { ...init, signal }) : ctx.fetch;
  const octokit = createGitHubClient({ token, baseUrl, fetch, env: ctx.env, ...(options.timings ? { timings: options.timings } : {}) });
  return { octokit, tokenName };
}

/** A GitHub failure as a ConnectorError that names the token's variable, with a hint for the statuses people can fix. */
export function connectorError(vendor: string, error: unknown, tokenName: string, scopes: string, notFound: string): Error {
  if (!(error instanceof GitHubError)) return error instanceof Error ? error : new Error(String(error));
  const repositoryToken = tokenName === 'GITHUB_TOKEN' ? ` The repository's GITHUB_TOKEN cannot have it: set ${USAGE_TOKEN} to an organization- or enterprise-scoped token.` : '';
  const hints: Record<number, string> = {
    401: `${tokenName} was rejected: it is wrong or expired.`,
    403: `The token in ${tokenName} lacks permission (it needs ${scopes}), or the rate limit was exhausted.${repositoryToken}`,
    404: notFound,
  };
  return new ConnectorError(`${vendor}: ${error.message} (token from ${tokenName})`, hints[error.status]);
}
