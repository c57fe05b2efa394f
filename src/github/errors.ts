import { redactPatterns, type Redact } from '../secrets/redact.ts';
import { vendorText } from '../secrets/summary.ts';

/**
 * A failed GitHub call, reduced to what is safe to print: the operation, the status and GitHub's
 * message. It never carries the request (its headers hold the token) nor the raw response.
 */
export class GitHubError extends Error {
  readonly command: string;
  readonly status: number;
  constructor(command: string, status: number, detail: string) {
    super(`command ${command} failed with status ${status}${detail ? `: ${detail}` : ''}`);
    this.name = 'GitHubError';
    this.command = command;
    this.status = status;
  }
}

/** A setting the user must fix before lac can reach GitHub (missing token, malformed GITHUB_REPOSITORY). */
export class GitHubConfigError extends Error {
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'GitHubConfigError';
    this.hint = hint;
  }
}

interface RequestErrorLike {
  status?: unknown;
  message?: unknown;
  response?: { data?: unknown };
}

/**
 * GitHub's message plus its `errors[]` details, e.g. `Validation Failed (head: invalid)`,
 * redacted and bounded. An answer without a JSON `message` gives no detail: octokit's own
 * message would then be the raw body, which a proxy may fill with the request's headers.
 */
function describe(error: RequestErrorLike, redact: Redact): string {
  const data = error.response?.data;
  if (data && typeof data === 'object' && 'message' in data && typeof data.message === 'string') {
    const details = 'errors' in data && Array.isArray(data.errors) ? data.errors.map(detail).filter(Boolean) : [];
    return vendorText(details.length ? `${data.message} (${details.join('; ')})` : data.message, redact);
  }
  if (error.response) return '';
  // No answer at all (a network failure): node's message names the cause, never a body.
  return typeof error.message === 'string' ? vendorText(error.message.split('\n')[0] ?? '', redact) || 'request failed' : 'request failed';
}

function detail(e: unknown): string {
  if (typeof e === 'string') return e;
  if (!e || typeof e !== 'object') return '';
  const { field, code, message } = e as Record<string, unknown>;
  return [field, typeof message === 'string' ? message : code].filter((x) => typeof x === 'string' && x !== '').join(': ');
}

/** Turns whatever octokit threw into a GitHubError for `command` (e.g. `POST /repos/{owner}/{repo}/pulls`). */
export function toGitHubError(command: string, error: unknown, redact: Redact = redactPatterns): GitHubError {
  if (error instanceof GitHubError) return error;
  const e = (error ?? {}) as RequestErrorLike;
  const status = typeof e.status === 'number' ? e.status : 0;
  return new GitHubError(command, status, describe(e, redact));
}
