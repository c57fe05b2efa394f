import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { gitSource, resolveAt, RevisionError, type ResolvedAt } from '../inventory/git-source.ts';
import { MAX_FILE_BYTES } from '../inventory/parse/decode.ts';
import { parseText } from '../inventory/parse/index.ts';
import { readRegularFile } from '../util/fs/read-bounded.ts';
import { fsSource, type TreeSource } from '../inventory/source.ts';
import { dayIn } from '../history/time.ts';
import { isTimeZone, type IsoDate } from '../util/dates.ts';
import { UserError } from './errors.ts';
import { findRoot, parseRoot } from './options.ts';

export interface SourceAt {
  source: TreeSource;
  root: string;
  /** The commit read, when --at was given. */
  at?: ResolvedAt & {
    /** The day the inventory is taken at: the date given, or the commit's day in the org time zone (a default for --today). */
    day: IsoDate;
  };
}

/** `--root` and `--at` → where to read the inventory from: the working tree, or git objects at a commit. */
export async function sourceAt(rootOption: string | undefined, at: string | undefined, cwd: string): Promise<SourceAt> {
  if (at === undefined) {
    const root = parseRoot(rootOption, cwd);
    return { source: fsSource(root), root };
  }
  const root = rootOption === undefined ? (findRoot(cwd) ?? resolve(cwd)) : resolve(cwd, rootOption);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UserError(`--root ${root} is not a folder`, 'pass the folder of the license repository');
  if (at.trim() === '') throw new UserError('--at needs a date or a revision', 'e.g. --at 2026-06-30 or --at v1.2 or --at HEAD~3');
  const timeZone = await orgTimeZone(root);
  try {
    const resolved = await resolveAt(root, at, { timeZone });
    const day = /^\d{4}-\d{2}-\d{2}$/.test(at) ? at : dayIn(new Date(resolved.date), timeZone);
    return { source: gitSource(root, resolved.commit, `${root}@${at} (${resolved.commit.slice(0, 8)})`), root, at: { ...resolved, day } };
  } catch (e) {
    throw asUserError(e);
  }
}

/** RevisionError (a bad --at, an unknown branch, not a repository) → UserError; anything else unchanged. */
export function asUserError(e: unknown): unknown {
  return e instanceof RevisionError ? new UserError(e.message, e.hint) : e;
}

/** The org's time zone from inventory/org.yaml in the working tree; UTC when absent or unknown. */
export async function orgTimeZone(root: string): Promise<string> {
  try {
    const text = new TextDecoder().decode(await readRegularFile(root, 'inventory/org.yaml', MAX_FILE_BYTES));
    const tz = (parseText(text).data as { timezone?: unknown } | null)?.timezone;
    return typeof tz === 'string' && isTimeZone(tz) ? tz : 'UTC';
  } catch {
    return 'UTC';
  }
}
