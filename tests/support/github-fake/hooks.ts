// Vitest wiring: one fake per test file; violations fail the test that caused them.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startGitHubFake, type GitHubFake, type GitHubFakeOptions } from './index.ts';

export interface UseGitHubFakeOptions extends GitHubFakeOptions {
  /** Reset the fake's state after each test, so tests cannot depend on each other's PRs and issues. */
  resetEach?: boolean;
}

/**
 * Starts a fake before the file's tests; after each test fails it on violations and forgets the
 * recorded requests (and the state, with `resetEach`); closes it after all.
 */
export function useGitHubFake(options: UseGitHubFakeOptions = {}): { readonly fake: GitHubFake } {
  let fake: GitHubFake | undefined;
  beforeAll(async () => {
    fake = await startGitHubFake(options);
  });
  afterEach(() => {
    if (!fake) return;
    try {
      fake.assertNoViolations();
    } finally {
      if (options.resetEach) fake.reset();
      else fake.clearRequests();
    }
  });
  afterAll(async () => fake?.close());
  return {
    get fake(): GitHubFake {
      if (!fake) throw new Error('github-fake: used before beforeAll started it');
      return fake;
    },
  };
}
