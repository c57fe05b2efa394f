// The product as users get it: the project packed with `npm pack`, unpacked beside this checkout's
// node_modules (as `npm install` of the tarball would resolve its dependencies), and run as
// processes with the environment of a user's shell or a runner: Node 24 first on PATH, npm
// offline (every package comes from the npm cache that installing this checkout filled).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './cli.ts';

export interface ProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** npm as tests run it: offline (every package from the cache that installing this checkout filled) and quiet. */
export const NPM_OFFLINE: Record<string, string> = {
  npm_config_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

/** A user's environment: Node 24 first on PATH, npm offline and quiet, git without global config. */
export function userEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: `${join(process.execPath, '..')}:${process.env.PATH ?? ''}`,
    HOME: process.env.HOME ?? '/tmp',
    ...NPM_OFFLINE,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Ada Lovelace',
    GIT_AUTHOR_EMAIL: 'ada@test.example',
    GIT_COMMITTER_NAME: 'Ada Lovelace',
    GIT_COMMITTER_EMAIL: 'ada@test.example',
    ...extra,
  };
}

/** Runs a program to its end (bounded by `timeout` ms); never throws on a non-zero exit. */
export function sh(cmd: string, args: string[], cwd: string, env: Record<string, string>, timeout = 300_000): ProcessResult {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Fails when dist/ is older than a source file: the packed package would not be the code under test. */
function assertBuildCurrent(): void {
  const stamp = join(REPO_ROOT, 'dist', '.build-stamp');
  if (!existsSync(stamp)) throw new Error('dist/ is not built: run `npm run build` (npm test does)');
  const built = statSync(stamp).mtimeMs;
  const newer = readdirSync(join(REPO_ROOT, 'src'), { recursive: true, withFileTypes: true }).find((e) => e.isFile() && statSync(join(e.parentPath, e.name)).mtimeMs > built);
  if (newer) throw new Error(`dist/ is older than src/${newer.name}: run \`npm run build\` (npm test does)`);
}

/** `npm pack` of this checkout into `dir`; returns the tarball's path. */
export function packProject(dir: string): string {
  assertBuildCurrent();
  const r = sh('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], REPO_ROOT, userEnv(), 120_000);
  if (r.code !== 0) throw new Error(`npm pack failed: ${r.stderr}`);
  return join(dir, r.stdout.trim().split('\n').pop()!);
}

/** Unpacks a tarball into `dir`/package with this checkout's dependencies; returns its bin/lac.js. */
export function unpackProject(tarball: string, dir: string): string {
  const r = sh('tar', ['-xzf', tarball, '-C', dir], dir, userEnv());
  if (r.code !== 0) throw new Error(`tar failed: ${r.stderr}`);
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'package', 'node_modules'));
  return join(dir, 'package', 'bin', 'lac.js');
}

/**
 * A license repository as a new user makes one: `lac init` of the packed package, `data` written
 * into it, `npm install` as its README says, and a first commit. Returns its folder. With
 * `install: false` the repository is committed with the lockfile `lac init` wrote and nothing
 * installed: for tests that only push it, whose workflows install it themselves with `npm ci`.
 */
export function initLicenseRepo(root: string, data: Record<string, string>, env: Record<string, string>, o: { install?: boolean } = {}): string {
  const bin = unpackProject(packProject(root), root);
  const init = sh(process.execPath, [bin, 'init', 'licenses', '--name', 'Acme Corp', '--currency', 'EUR', '--timezone', 'Europe/Berlin'], root, env);
  if (init.code !== 0 || !init.stdout.includes('git branch main')) throw new Error(`lac init failed: ${init.stdout}${init.stderr}`);
  const repo = join(root, 'licenses');
  for (const [path, text] of Object.entries(data)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  if (o.install !== false) {
    const install = sh('npm', ['install'], repo, env, 600_000);
    if (install.code !== 0) throw new Error(`npm install failed: ${install.stderr}`);
  }
  commitAll(repo, 'Start the license repository', '2026-03-01T09:00:00Z', env);
  return repo;
}

/** Stages everything and commits it with author and committer date `date` (what `--at DATE` reads). */
export function commitAll(repo: string, message: string, date: string, env: Record<string, string>): void {
  sh('git', ['add', '-A'], repo, env);
  const r = sh('git', ['commit', '-q', '-m', message], repo, { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  if (r.code !== 0) throw new Error(`git commit failed: ${r.stderr}`);
}
