// Shared set-up for GitHub tests: a port over HTTP to the fake, with waits shrunk to milliseconds.
import { createGitHubClient, type GitHubClient } from '../../src/github/client.ts';
import type { GitHubPort } from '../../src/github/port.ts';
import { createGitHubPort } from '../../src/github/rest.ts';
import type { GitHubFake, RecordedRequest } from '../support/github-fake/index.ts';

export const FAST = { unitMs: 5, writeGapMs: 0, maxRetries: 3, maxWaitSeconds: 10 };

export function clientFor(fake: GitHubFake, warn?: (m: string) => void): GitHubClient {
  return createGitHubClient({ env: fake.env(), timings: FAST, ...(warn ? { warn } : {}) });
}

export function portFor(fake: GitHubFake): GitHubPort {
  return createGitHubPort({ env: fake.env(), timings: FAST });
}

/** `METHOD /path?query` of each recorded request, the form tests compare against. */
export function lines(requests: RecordedRequest[]): string[] {
  return requests.map((r) => `${r.method} ${decodeURIComponent(r.url)}`);
}
