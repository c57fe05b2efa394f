// A bare repository standing in for GitHub's copy of the license repository; the fake GitHub
// reads its branches from it. Created when the test file loads, removed after all its tests.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

export interface BareRemote {
  path: string;
  /** The commit a branch points at, or '' when it does not exist. */
  branchSha(branch: string): string;
  /** Deletes every ref, so the next test starts from an empty remote. */
  clear(): void;
}

export function bareRemote(): BareRemote {
  const root = mkdtempSync(join(tmpdir(), 'lac-remote-'));
  const path = join(root, 'licenses.git');
  const git = (...args: string[]) => execFileSync('git', ['--git-dir', path, ...args], { encoding: 'utf8' });
  git('init', '-q', '--bare', '-b', 'main');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return {
    path,
    branchSha: (branch) => {
      try {
        return git('rev-parse', '--verify', '-q', `refs/heads/${branch}`).trim();
      } catch {
        return '';
      }
    },
    clear: () => {
      for (const ref of git('for-each-ref', '--format=%(refname)').split('\n').filter(Boolean)) git('update-ref', '-d', ref);
    },
  };
}
