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
 * The diffs of the newest `count` commits of a ref's first-parent line in one `git log -p`
 * (a process per commit costs 60 ms on a loaded 2-core machine), each cut to `max` lines.
 */
export async function recentDiffs(repoDir: string, ref: string, count: number, max = DIFF_LINES): Promise<Map<string, CommitDiff>> {
  const out = await git(repoDir, [
    'log', '--first-parent', '--diff-merges=first-parent', '-p', '--no-color', '--no-renames', '-U2', '--relative', '--no-show-signature',
    '--format=%x01%H', '-n', String(count), ref, '--', `${INVENTORY_DIR}/`,
  ]);
  // The output is cut at each \x01 and read a line at a time, only as far as the kept lines go: an initial import's
  // diff is the whole inventory (hundreds of megabytes), and a string of it, or its lines, would all be made for 400.
  const diffs = new Map<string, CommitDiff>();
  for (let at = 0; at < out.length; ) {
    const mark = out.indexOf(1, at);
    const end = mark < 0 ? out.length : mark;
    const nl = out.indexOf(10, at);
    const lines = linesOf(out, at, end);
    const sha = lines.next().value ?? '';
    // The first line is the commit's ID (40 or 64 hex digits); text before the first \x01 has none.
    if (nl >= 0 && nl < end && (sha.length === 40 || sha.length === 64)) diffs.set(sha, parseDiffLines(lines, max));
    at = end + 1;
  }
  return diffs;
}

/** The lines of buf[from, to), decoded one by one; a line is ended by \n or by `to`. */
function* linesOf(buf: Buffer, from: number, to: number): Generator<string> {
  for (let i = from; i < to; ) {
    const nl = buf.indexOf(10, i);
    const end = nl < 0 || nl > to ? to : nl;
    yield buf.toString('utf8', i, end);
    i = end + 1;
  }
}

/** Parses unified diff output (`diff --git` sections); binary files and headers are left out. */
export const parseDiff = (text: string, max = DIFF_LINES): CommitDiff => parseDiffLines(text.split('\n'), max);

/** parseDiff over the diff's lines. */
function parseDiffLines(rows: Iterable<string>, max: number): CommitDiff {
  const lines: DiffLine[] = [];
  let file = '';
  let o = 0;
  let n = 0;
  let inHunk = false;
  for (const raw of rows) {
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
