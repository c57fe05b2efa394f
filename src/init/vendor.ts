import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../cli/errors.ts';
import { repoLockfile, type Shrinkwrap } from './lockfile.ts';
import { vendorPath } from './vendor-path.ts';
export { vendorPath };

/**
 * Packs the running lac package into `<target>/vendor/`, so that the new repository installs
 * exactly this version with `npm install` and `npm ci` (locally and on GitHub's runners) without
 * depending on a registry release. Scripts are not run: the package is already built.
 */
export function packSelf(packageRoot: string, target: string, version: string, env: Record<string, string | undefined>): string {
  const dest = join(target, 'vendor');
  mkdirSync(dest, { recursive: true });
  // Under npx/npm, npm_execpath is the npm that runs us; else the npm on PATH.
  const npmCli = env.npm_execpath?.endsWith('.js') ? env.npm_execpath : undefined;
  const [cmd, pre] = npmCli ? [process.execPath, [npmCli]] : ['npm', []];
  try {
    execFileSync(cmd, [...pre, 'pack', packageRoot, '--ignore-scripts', '--silent', '--pack-destination', dest], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000, env: { ...process.env, npm_config_update_notifier: 'false' } });
  } catch (e) {
    const why = (e as { stderr?: Buffer }).stderr?.toString().trim().split('\n').slice(-1)[0] ?? (e as Error).message;
    throw new UserError(`could not pack lac into ${dest} with npm (${why}); nothing else was written`, 'install npm, or pass --tool with an npm spec of lac, e.g. --tool lac@^0.1.0');
  }
  return vendorPath(version);
}

/** The new repository's package-lock.json for the vendored tarball (see lockfile.ts). */
export function vendoredLockfile(packageRoot: string, target: string, tarball: string, packageJson: string): string {
  const shrink = JSON.parse(readFileSync(join(packageRoot, 'npm-shrinkwrap.json'), 'utf8')) as Shrinkwrap;
  const pkg = JSON.parse(packageJson) as { name: string; dependencies: Record<string, string>; devDependencies: Record<string, string> };
  const integrity = `sha512-${createHash('sha512').update(readFileSync(join(target, tarball))).digest('base64')}`;
  return repoLockfile(shrink, { name: pkg.name, dependencies: pkg.dependencies, devDependencies: pkg.devDependencies, tarball: { path: tarball, integrity } });
}
