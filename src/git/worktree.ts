import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { filtersOff, git } from './run.ts';

const split = (out: Buffer) => out.toString('utf8').split('\0').filter(Boolean);

/**
 * Paths under `dir` that differ between a commit and the working tree, untracked files too.
 * `git diff` would refresh the index, reading changed files through the repository's clean
 * filters; here `diff-index` names the candidates from stat data (its racy-file check reads
 * contents, so filters are emptied: filtersOff) and only those are hashed, as they are.
 * Submodules, which git would inspect with their own config, are left out.
 */
export async function worktreeChanges(root: string, commit: string, dir: string): Promise<string[]> {
  const untracked = git(root, ['ls-files', '-z', '--others', '--exclude-standard', '--', `${dir}/`]);
  const config = await filtersOff(root);
  const candidates = split(await git(root, ['diff-index', '--relative', '--name-only', '-z', '--no-renames', '--ignore-submodules=all', commit, '--', `${dir}/`], undefined, { config }));
  return [...new Set([...(await differing(root, commit, dir, candidates)), ...split(await untracked)])].sort();
}

/** The candidates whose working-tree bytes are not the commit's blob; one that is not a regular file counts, unread. */
async function differing(root: string, commit: string, dir: string, candidates: string[]): Promise<string[]> {
  if (candidates.length === 0) return [];
  const base = new Map<string, string>();
  for (const record of split(await git(root, ['ls-tree', '-r', '-z', commit, '--', `${dir}/`]))) {
    const tab = record.indexOf('\t');
    base.set(record.slice(tab + 1), record.slice(0, tab).split(' ')[2]!);
  }
  const out: string[] = [];
  const regular: string[] = [];
  for (const path of candidates) {
    const stat = await lstat(join(root, path)).catch(() => undefined);
    // --stdin-paths reads one path a line: a name with a newline is listed, not hashed.
    if (stat?.isFile() && base.has(path) && !path.includes('\n')) regular.push(path);
    else out.push(path);
  }
  const oids = regular.length ? (await git(root, ['hash-object', '--no-filters', '--stdin-paths'], `${regular.join('\n')}\n`)).toString('utf8').split('\n') : [];
  regular.forEach((path, i) => {
    if (oids[i] !== base.get(path)) out.push(path);
  });
  return out;
}
