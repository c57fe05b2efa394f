import { INVENTORY_DIR } from '../inventory/layout.ts';
import { git } from './git.ts';

/** One line of a commit's diff: a hunk header (`@@`), or a line removed, added or kept around them. */
export interface DiffLine {
  file: string;
  kind: '@' | '-' | '+' | ' ';
  /** Line in the version before (removed, kept); null otherwise. */
  old: number | null;
  /** Line in the version after (added, kept, the hunk's first line); null for removed lines. */
  new: number | null;
  text: string;
}

export interface CommitDiff {
  lines: DiffLine[];
  /** The diff had more lines than were kept. */
  truncated: boolean;
}

/** Lines of a commit's diff kept for its page: an initial import of 100,000 seats is one hunk of that many. */
export const DIFF_LINES = 400;
const TEXT = 500;

/**
 * The changed lines of inventory/ in a commit against its first parent (a merge: what the pull
 * request brought in), two lines of context, at most `max` lines.
 */
export async function commitDiff(repoDir: string, sha: string, parents: number, max = DIFF_LINES): Promise<CommitDiff> {
  // diff-tree ignores --first-parent (git 2.39): name the first parent.
  const range = parents === 0 ? ['--root', sha] : [`${sha}^1`, sha];
  const out = await git(repoDir, ['diff-tree', '-p', '-r', '--no-color', '--no-renames', '-U2', '--relative', ...range, '--', `${INVENTORY_DIR}/`]);
  return parseDiff(out.toString('utf8'), max);
}

/** Parses unified diff output (`diff --git` sections); binary files and headers are left out. */
export function parseDiff(text: string, max = DIFF_LINES): CommitDiff {
  const lines: DiffLine[] = [];
  let file = '';
  let o = 0;
  let n = 0;
  let inHunk = false;
  for (const raw of text.split('\n')) {
    if (raw.startsWith('diff --git ')) {
      inHunk = false;
      continue;
    }
    if (!inHunk && raw.startsWith('+++ ')) {
      if (raw !== '+++ /dev/null') file = raw.slice(6);
      continue;
    }
    if (!inHunk && raw.startsWith('--- ')) {
      if (raw !== '--- /dev/null') file = raw.slice(6);
      continue;
    }
    const hunk = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(raw);
    if (hunk) {
      inHunk = true;
      o = Number(hunk[1]);
      n = Number(hunk[2]);
      if (lines.length >= max) return { lines, truncated: true };
      lines.push({ file, kind: '@', old: o, new: n, text: raw.slice(0, TEXT) });
      continue;
    }
    if (!inHunk || raw === '' || raw.startsWith('\\')) continue;
    const kind = raw[0] as DiffLine['kind'];
    if (kind !== '-' && kind !== '+' && kind !== ' ') continue;
    if (lines.length >= max) return { lines, truncated: true };
    lines.push({ file, kind, old: kind === '+' ? null : o, new: kind === '-' ? null : n, text: raw.slice(1, TEXT + 1) });
    if (kind !== '+') o++;
    if (kind !== '-') n++;
  }
  return { lines, truncated: false };
}
