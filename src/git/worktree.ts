import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { git } from './run.ts';

const split = (out: Buffer) => out.toString('utf8').split('\0').filter(Boolean);

/**
 * Paths under `dir` that differ between a commit and the working tree, untracked files too.
 * `git diff` and `git status` would refresh the index and run the repository's clean filters and
 * fsmonitor on the way; here git only lists paths and hashes files as they are
 * (`hash-object --no-filters`). A path that is not a regular file counts as changed, unread (a
 * FIFO or /dev/zero behind a symlink would never end), and the loader says what is wrong with it.
 */
export async function worktreeChanges(root: string, commit: string, dir: string): Promise<string[]> {
  const base = new Map<string, string>();
  for (const record of split(await git(root, ['ls-tree', '-r', '-z', commit, '--', `${dir}/`]))) {
    const tab = record.indexOf('\t');
    const [, type, oid] = record.slice(0, tab).split(' ');
    if (type === 'blob') base.set(record.slice(tab + 1), oid!);
  }
  const listed = split(await git(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', `${dir}/`]));
  const candidates = [...new Set([...base.keys(), ...listed])].sort();
  const changed: string[] = [];
  const regular: string[] = [];
  for (const path of candidates) {
    const stat = await lstat(join(root, path)).catch(() => undefined);
    // --stdin-paths reads one path a line: a name with a newline is not hashed, only listed.
    if (stat?.isFile() && !path.includes('\n')) regular.push(path);
    else if (stat || base.has(path)) changed.push(path);
  }
  const oids = regular.length ? (await git(root, ['hash-object', '--no-filters', '--stdin-paths'], `${regular.join('\n')}\n`)).toString('utf8').split('\n') : [];
  regular.forEach((path, i) => {
    if (base.get(path) !== oids[i]) changed.push(path);
  });
  return changed.sort();
}
