import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

// A dot name: the inventory loader ignores dot files, so a leftover is never read as a record.
const MARK = '.lac-';

/** The name of a temporary sibling of `base` (a file or folder) written by this process. */
export const tempName = (base: string, tag = 'tmp'): string => `.${base}${MARK}${tag}-${process.pid}-${randomBytes(4).toString('hex')}`;

/** Whether `name` is a temporary sibling of `base` with that tag, and the process id that made it. */
export function leftoverPid(name: string, base: string, tag = 'tmp'): number | undefined {
  const prefix = `.${base}${MARK}${tag}-`;
  if (!name.startsWith(prefix)) return undefined;
  const pid = Number(name.slice(prefix.length).split('-')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Whether a process with this id is running (a temporary file of a running lac is not a leftover). */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Names in `dir` of temporary siblings of `base` left by runs that were killed. */
export async function findLeftovers(dir: string, base: string, tag = 'tmp'): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => {
    const pid = leftoverPid(n, base, tag);
    return pid !== undefined && !isRunning(pid);
  });
}

/** Removes what killed runs left beside `base`; a failure to remove is harmless (they are ignored). */
export async function removeLeftovers(dir: string, base: string, tag = 'tmp'): Promise<void> {
  for (const name of await findLeftovers(dir, base, tag)) await rm(join(dir, name), { recursive: true, force: true }).catch(() => {});
}
