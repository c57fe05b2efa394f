import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/fs/atomic-write.ts';
import type { ChangedCommit } from './commits.ts';
import { COMMIT_ID } from '../util/commit-id.ts';

// Bump when what changedCommits lists for a commit changes (lac's version is part of the key too).
const FORMAT = 'lac-history-line/v1';

/** A commit of the line: its id and committer time; its changed files are not kept (cached events stand for them). */
export interface LineCommit {
  sha: string;
  time: number;
}

const isLine = (v: unknown): v is [string, number][] =>
  Array.isArray(v) && v.every((c) => Array.isArray(c) && c.length === 2 && typeof c[0] === 'string' && COMMIT_ID.test(c[0]) && Number.isSafeInteger(c[1]));

/**
 * The commits of a ref's first-parent line that changed inventory/, oldest first, as changedCommits
 * listed them the last time, under .git/lac-cache/history-lines/<version>/. A commit id names its
 * whole past, so the line of a commit never changes; it does depend on the folder lac runs in (git's
 * --relative and the inventory/ pathspec), which is part of the key. One file a folder: the line of
 * the last ref listed there, so the cache does not grow with each commit.
 * A warm `lac history` of 10,000 commits then starts no `git log` (0.6-0.9 s of git's time, most
 * of it before the first event could be printed).
 */
export function lineCache(cacheDir: string | undefined, version: string, prefix: string) {
  const file = cacheDir && join(cacheDir, 'history-lines', encodeURIComponent(version), `${createHash('sha256').update(prefix).digest('hex').slice(0, 16)}.json`);
  return {
    /** The line of `ref`, when it is the one kept and the file is this format's, for this folder; else undefined. */
    async read(ref: string): Promise<LineCommit[] | undefined> {
      if (!file) return undefined;
      try {
        const v = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
        if (v.format !== FORMAT || v.lac !== version || v.ref !== ref || v.prefix !== prefix || !isLine(v.commits)) return undefined;
        return v.commits.map(([sha, time]) => ({ sha, time }));
      } catch {
        return undefined; // absent, torn or not JSON: a miss
      }
    },
    async write(ref: string, commits: readonly ChangedCommit[]): Promise<void> {
      if (!file || !COMMIT_ID.test(ref)) return;
      const text = `${JSON.stringify({ format: FORMAT, lac: version, ref, prefix, commits: commits.map((c) => [c.sha, c.time]) })}\n`;
      // A line lost to a power cut is only listed again. A read-only .git only loses the cache.
      await writeFileAtomic(file, text, { durable: false, clean: false }).catch(() => {});
    },
  };
}
