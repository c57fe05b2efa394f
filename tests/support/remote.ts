// A bare repository standing in for GitHub's copy of the license repository; the fake GitHub
// reads its branches from it. Created when the test file loads, removed after all its tests.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { ADA, tempRepo, type TestRepo } from './git.ts';

export interface BareRemote {
  path: string;
  /** The commit a branch points at, or '' when it does not exist. */
  branchSha(branch: string): string;
  /** Deletes every ref, so the next test starts from an empty remote. */
  clear(): void;
  /** A new repository whose main holds `files` and is pushed to this remote as origin (what actions/checkout gives). */
  clone(files: Record<string, string>): TestRepo;
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
    clone: (files) => {
      const repo = tempRepo();
      repo.commit(files, { message: 'Inventory', date: '2026-03-01T09:00:00Z', author: ADA });
      repo.git(['remote', 'add', 'origin', path]);
      repo.git(['push', '-q', 'origin', 'main']);
      repo.git(['fetch', '-q', 'origin']);
      return repo;
    },
    clear: () => {
      for (const ref of git('for-each-ref', '--format=%(refname)').split('\n').filter(Boolean)) git('update-ref', '-d', ref);
    },
  };
}
