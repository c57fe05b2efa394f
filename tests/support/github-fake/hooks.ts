// Vitest wiring: one fake per test file, violations fail the test that caused them.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startGitHubFake, type GitHubFake, type GitHubFakeOptions } from './index.ts';

/** Starts a fake before the file's tests, checks it after each test, closes it after all. */
export function useGitHubFake(options: GitHubFakeOptions = {}): { readonly fake: GitHubFake } {
  let fake: GitHubFake | undefined;
  beforeAll(async () => {
    fake = await startGitHubFake(options);
  });
  afterEach(() => fake?.assertNoViolations());
  afterAll(async () => fake?.close());
  return {
    get fake(): GitHubFake {
      if (!fake) throw new Error('github-fake: used before beforeAll started it');
      return fake;
    },
  };
}
