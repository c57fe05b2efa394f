import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { removeLeftovers, tempName } from './leftovers.ts';

/** A write that failed for a reason of the machine (disk full, permissions): a plain message, the file unchanged. */
export class WriteError extends Error {
  readonly hint: string;
  /** What went wrong, in a few words ("the disk is full"). */
  readonly reason: string;
  constructor(message: string, reason: string, hint: string) {
    super(message);
    this.name = 'WriteError';
    this.reason = reason;
    this.hint = hint;
  }
}

const REASONS: Record<string, [reason: string, hint: string]> = {
  ENOSPC: ['the disk is full', 'free some disk space and run again'],
  EDQUOT: ['the disk quota is used up', 'free some space (or raise the quota) and run again'],
  EACCES: ['permission denied', 'give the user running lac write access to the folder, and run again'],
  EPERM: ['the operation is not permitted', 'give the user running lac write access to the folder, and run again'],
  EROFS: ['the file system is read-only', 'run lac on a writable checkout'],
};

/** A file-system error of a write → a WriteError naming the file and saying it is unchanged; anything else as it was. */
export function asWriteError(e: unknown, shown: string, existed: boolean): unknown {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const known = code ? REASONS[code] : undefined;
  if (!known) return e;
  return new WriteError(`cannot write ${shown}: ${known[0]}; ${existed ? `${shown} is unchanged` : 'nothing was written'}`, known[0], known[1]);
}

export interface AtomicOptions {
  /** The path as messages show it (default: the path given). */
  shown?: string;
  /** fsync the file and its folder, so that a power cut leaves the old or the new file (default true; caches skip it). */
  durable?: boolean;
  /** Remove temporary files of killed runs beside the target first (default true; caches, which never read them, skip it). */
  clean?: boolean;
}

/**
 * Writes a file whole or not at all: a temporary sibling (a dot name the loader ignores), write,
 * fsync, rename over the target, fsync of the folder. Temporary files of killed runs beside the
 * target are removed first. Throws WriteError for disk-full and permission errors. `data` may be
 * made part by part (an iterable of strings), so that a large file is never one string in memory.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array | Iterable<string>, options: AtomicOptions = {}): Promise<void> {
  const shown = options.shown ?? path;
  const durable = options.durable ?? true;
  const dir = dirname(path);
  const mode = await stat(path).then((s) => s.mode & 0o7777, () => undefined);
  const temp = join(dir, tempName(basename(path)));
  let fh: FileHandle | undefined;
  try {
    await mkdir(dir, { recursive: true });
    if (options.clean ?? true) await removeLeftovers(dir, basename(path));
    fh = await open(temp, 'wx', mode ?? 0o666);
    await fh.writeFile(data);
    if (durable) await fh.sync();
    await fh.close();
    fh = undefined;
    await rename(temp, path);
  } catch (e) {
    await fh?.close().catch(() => {});
    await rm(temp, { force: true }).catch(() => {});
    throw asWriteError(e, shown, mode !== undefined);
  }
  if (durable) await syncDir(dir);
}

/** fsync of a folder, so that a rename in it survives a power cut; file systems that refuse it are fine. */
export async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r').catch(() => undefined);
  if (!fh) return;
  await fh.sync().catch(() => {});
  await fh.close();
}
