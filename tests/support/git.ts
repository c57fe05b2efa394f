// Builds real git repositories in temporary folders, commit by commit, with the authors, dates and
// messages of a GitHub-hosted license repo: merge commits of pull requests and squash merges.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface Author {
  name: string;
  email: string;
}

export interface CommitOptions {
  message: string;
  /** ISO instant, e.g. 2026-01-02T09:00:00Z: author and committer date. */
  date: string;
  author?: Author;
  /** Sign the commit with a fresh SSH key (a real gpgsig header). */
  sign?: boolean;
}

export const ADA: Author = { name: 'Ada Lovelace', email: 'ada@test.example' };

export interface TestRepo {
  dir: string;
  /** Runs git in the repository with the test identity and config; returns stdout. */
  git(args: string[], env?: Record<string, string>): string;
  /** Writes (string) or deletes (null) files, stages everything and commits; returns the sha. */
  commit(files: Record<string, string | null>, options: CommitOptions): string;
  /** A pull request merged with a merge commit "Merge pull request #N from org/<branch>". */
  mergePullRequest(n: number, branch: string, files: Record<string, string | null>, options: CommitOptions & { mergedBy?: Author; mergeDate?: string }): string;
  /** A squash-merged pull request: one commit "<title> (#N)". */
  squashPullRequest(n: number, files: Record<string, string | null>, options: CommitOptions): string;
  /** Writes files in the working tree without committing. */
  write(files: Record<string, string | null>): void;
  cleanup(): void;
}

const BASE_ENV = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
  LC_ALL: 'C',
};

/** A new repository on branch main in a temporary folder (call cleanup when done). */
export function tempRepo(): TestRepo {
  const root = mkdtempSync(join(tmpdir(), 'lac-git-'));
  const dir = join(root, 'repo');
  mkdirSync(dir);
  let keyFile: string | undefined;
  const run = (args: string[], env: Record<string, string> = {}) =>
    execFileSync('git', args, { cwd: dir, env: { ...process.env, ...BASE_ENV, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  run(['init', '-q', '-b', 'main']);
  run(['config', 'commit.gpgsign', 'false']);
  run(['config', 'user.name', 'Test Runner']);
  run(['config', 'user.email', 'runner@test.example']);

  const write = (files: Record<string, string | null>) => {
    for (const [path, text] of Object.entries(files)) {
      const full = join(dir, path);
      if (text === null) rmSync(full, { force: true });
      else {
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, text);
      }
    }
  };
  const identity = (who: Author, date: string, committer: Author = who) => ({
    GIT_AUTHOR_NAME: who.name, GIT_AUTHOR_EMAIL: who.email, GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: committer.name, GIT_COMMITTER_EMAIL: committer.email, GIT_COMMITTER_DATE: date,
  });
  const signArgs = (sign: boolean | undefined): string[] => {
    if (!sign) return [];
    if (!keyFile) {
      keyFile = join(root, 'signing-key');
      execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'test', '-f', keyFile]);
    }
    return ['-c', 'gpg.format=ssh', '-c', `user.signingkey=${keyFile}`];
  };
  const commit = (files: Record<string, string | null>, o: CommitOptions) => {
    write(files);
    run(['add', '-A']);
    run([...signArgs(o.sign), 'commit', '-q', '--allow-empty', ...(o.sign ? ['-S'] : []), '-m', o.message], identity(o.author ?? ADA, o.date));
    return run(['rev-parse', 'HEAD']).trim();
  };
  return {
    dir,
    git: run,
    write,
    commit,
    mergePullRequest(n, branch, files, o) {
      const base = run(['rev-parse', '--abbrev-ref', 'HEAD']).trim();
      run(['checkout', '-q', '-b', branch]);
      commit(files, o);
      run(['checkout', '-q', base]);
      const by = o.mergedBy ?? ADA;
      run([...signArgs(o.sign), 'merge', '-q', '--no-ff', ...(o.sign ? ['-S'] : []), branch, '-m', `Merge pull request #${n} from org/${branch}`, '-m', o.message], identity(by, o.mergeDate ?? o.date));
      return run(['rev-parse', 'HEAD']).trim();
    },
    squashPullRequest(n, files, o) {
      return commit(files, { ...o, message: `${o.message} (#${n})` });
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
