import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { isIsoDate } from '../util/dates.ts';
import { UserError } from './errors.ts';

/** --today: a real calendar date. */
export function parseToday(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new UserError(`--today ${value} is not a calendar date`, 'write it as YYYY-MM-DD, e.g. --today 2026-03-31');
  return value;
}

/** --root: a folder that holds inventory/. */
export function parseRoot(value: string | undefined): string {
  const root = resolve(value ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UserError(`--root ${root} is not a folder`, 'pass the folder of the license repository');
  if (!existsSync(resolve(root, 'inventory'))) {
    throw new UserError(`no inventory/ folder in ${root}`, 'run lac in a license repository, pass --root DIR, or create one with `lac init`');
  }
  return root;
}
