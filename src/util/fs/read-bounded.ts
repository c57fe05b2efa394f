import { constants } from 'node:fs';
import { lstat, open, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Why a file was not read: `unreadable-file` (not a regular file inside the repository) or `file-too-large`. */
export class ReadRefused extends Error {
  readonly rule: 'unreadable-file' | 'file-too-large';
  readonly hint: string;
  /** The path as given to the reader (repository-relative for inventory files), set by readRegularFile. */
  path = '';
  constructor(rule: 'unreadable-file' | 'file-too-large', message: string, hint: string) {
    super(message);
    this.name = 'ReadRefused';
    this.rule = rule;
    this.hint = hint;
  }
}

/** Whether `path` (absolute) is `root` or inside it. */
export const isInside = (root: string, path: string) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

/** Whether a repository-relative path written in configuration stays inside the repository (no absolute path, no "..") before symlinks. */
export function staysInside(rel: string): boolean {
  if (rel === '' || isAbsolute(rel) || /^[a-zA-Z]:|\\/.test(rel)) return false;
  const r = relative('/r', resolve('/r', rel));
  return r !== '' && r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r);
}

// O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer.
const FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
const KINDS: [test: (s: import('node:fs').Stats) => boolean, what: string][] = [
  [(s) => s.isDirectory(), 'a folder'],
  [(s) => s.isFIFO(), 'a named pipe (FIFO)'],
  [(s) => s.isCharacterDevice() || s.isBlockDevice(), 'a device'],
  [(s) => s.isSocket(), 'a socket'],
];

const notAFile = (what: string, link: boolean) =>
  new ReadRefused('unreadable-file', `${link ? 'is a symbolic link to' : 'is'} ${what}, not a regular file`, link ? 'replace the link with the file itself' : 'remove it, or replace it with a YAML file');

/**
 * Reads `rel` under `root` only if, after resolving symbolic links, it is a regular file inside
 * root of at most `limit` bytes: checked on the open descriptor (fstat) before reading, then at
 * most limit + 1 bytes are read. Anything else throws ReadRefused with a plain message.
 */
export async function readRegularFile(root: string, rel: string, limit: number): Promise<Uint8Array> {
  try {
    return await readChecked(root, rel, limit);
  } catch (e) {
    const refused = refusal(e);
    if (refused instanceof ReadRefused) refused.path = rel;
    throw refused;
  }
}

async function readChecked(root: string, rel: string, limit: number): Promise<Uint8Array> {
  const path = resolve(root, rel);
  const link = (await lstat(path)).isSymbolicLink();
  const real = await realpath(path).catch((e: NodeJS.ErrnoException) => {
    throw link && e.code === 'ENOENT' ? new ReadRefused('unreadable-file', 'is a symbolic link to a file that does not exist', 'remove the link, or replace it with the file itself') : e;
  });
  if (!isInside(await realpath(root), real)) {
    throw new ReadRefused('unreadable-file', `${link ? 'is a symbolic link to a file' : 'lies'} outside the repository${link ? '' : ' (a folder on its path is a symbolic link)'}; lac reads nothing outside it`, 'replace the link with the file itself, or point it at a file inside the repository');
  }
  const fh = await open(real, FLAGS);
  try {
    const st = await fh.stat();
    for (const [test, what] of KINDS) if (test(st)) throw notAFile(what, link);
    if (!st.isFile()) throw notAFile('something other than a file', link);
    if (st.size > limit) throw tooLarge(st.size, limit);
    // The size can change between fstat and read: read at most limit + 1 bytes, whatever it says.
    let buf = Buffer.allocUnsafe(Math.min(st.size, limit) + 1);
    let got = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, got, buf.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
      if (got < buf.length) continue;
      if (buf.length > limit) break;
      buf = Buffer.concat([buf, Buffer.allocUnsafe(Math.min(buf.length * 2, limit + 1) - buf.length)]);
    }
    if (got > limit) throw tooLarge(got, limit);
    return buf.subarray(0, got);
  } finally {
    await fh.close();
  }
}

/** The refusal of a file over the limit: "file is 51.1 MiB, over the 32 MiB limit". */
export const tooLarge = (size: number, limit: number) =>
  new ReadRefused('file-too-large', `file is ${(size / 1024 / 1024).toFixed(1)} MiB, over the ${limit / 1024 / 1024} MiB limit`, 'split it (assignments: one file per license; usage: one file per license)');

/** A file-system error while reading → ReadRefused with a plain message; a ReadRefused as it is. */
function refusal(e: unknown): unknown {
  if (e instanceof ReadRefused) return e;
  switch ((e as NodeJS.ErrnoException).code) {
    case 'EACCES':
    case 'EPERM':
      return new ReadRefused('unreadable-file', 'cannot be read: permission denied', 'give the user running lac read access to it (e.g. chmod a+r)');
    case 'ENOENT':
      return new ReadRefused('unreadable-file', 'no such file', 'check the path');
    case 'ELOOP':
      return new ReadRefused('unreadable-file', 'is a symbolic link that loops or changed while being read', 'replace the link with the file itself');
    case 'EISDIR':
      return notAFile('a folder', false);
    case 'EIO':
      return new ReadRefused('unreadable-file', 'cannot be read: input/output error', 'check the disk, or restore the file from git');
    default:
      return e;
  }
}
