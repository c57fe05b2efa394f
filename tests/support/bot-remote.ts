// A bare remote with a fake GitHub in front of it, and clones of it that are removed after each test.
import { afterEach } from 'vitest';
import type { TestRepo } from './git.ts';
import { useGitHubFake } from './github-fake/hooks.ts';
import { bareRemote } from './remote.ts';

/** Call at the top of a test file: `clone(files)` gives a checkout whose main is on the remote. */
export function useBotRemote() {
  const remote = bareRemote();
  const gh = useGitHubFake({ repos: [{ name: 'acme/licenses', gitDir: remote.path }], resetEach: true });
  const clones: TestRepo[] = [];
  afterEach(() => {
    clones.splice(0).forEach((r) => r.cleanup());
    remote.clear();
  });
  const clone = (fileMap: Record<string, string>): TestRepo => {
    const repo = remote.clone(fileMap);
    clones.push(repo);
    return repo;
  };
  return { remote, gh, clone };
}
