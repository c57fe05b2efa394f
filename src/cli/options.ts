import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isIsoDate } from '../util/dates.ts';
import { UserError } from './errors.ts';

/** Help text of `--at`, shared by the commands that take it. */
export const AT_HELP = 'the inventory as it stood on a date (YYYY-MM-DD, end of that day in the org time zone) or at a git revision (commit, tag, branch)';

/** --today: a real calendar date. */
export function parseToday(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new UserError(`--today ${value} is not a calendar date`, 'write it as YYYY-MM-DD, e.g. --today 2026-03-31');
  return value;
}

/** The nearest folder at or above `from` that holds inventory/ (as git finds .git), if any. */
export function findRoot(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'inventory')) && statSync(join(dir, 'inventory')).isDirectory()) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** --root, or else the license repository the current folder is in: a folder that holds inventory/. */
export function parseRoot(option: string | undefined, cwd: string): string {
  if (option === undefined) {
    const found = findRoot(cwd);
    if (!found) throw new UserError(`${resolve(cwd)} is not in a license repository (no inventory/ folder here or above): start one with \`lac init\`, or pass --root DIR`);
    return found;
  }
  const root = resolve(cwd, option);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UserError(`--root ${root} is not a folder: pass the folder of the license repository`);
  if (!existsSync(join(root, 'inventory'))) throw new UserError(`--root ${root} is not a license repository (no inventory/ folder): start one with \`lac init\`, or pass the right folder`);
  return root;
}
