import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gitSync } from '../git/run.ts';

/** The package's root folder (the same from src/cli and dist/cli). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The tool's version, from its package.json. */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The commit lac runs from when the package is a git checkout (lac's own sources), else undefined. */
export function checkoutCommit(root = PACKAGE_ROOT): string | undefined {
  if (!existsSync(`${root}/.git`)) return undefined;
  try {
    return gitSync(root, ['rev-parse', '--short=12', 'HEAD']).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** What `lac --version` prints: "0.1.0", or "0.1.0 (commit 1a2b3c4d5e6f)" from a checkout. */
export function versionText(): string {
  const commit = checkoutCommit();
  return commit ? `${VERSION} (commit ${commit})` : VERSION;
}
