import { INVENTORY_DIR } from '../inventory/layout.ts';
import { StringDecoder } from 'node:string_decoder';
import { spawnGit } from '../git/run.ts';
import { git, GitError } from './git.ts';

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
  // Not the diff of a root commit: it is the whole inventory as first committed (88 MB at 100,000 people, 6 s of git),
  // for 400 lines. Its first lines are read from a git of its own, stopped there (rootDiff).
  const out = await git(repoDir, [
    'log', '--first-parent', '--diff-merges=first-parent', '-p', '--no-color', '--no-renames', '-U2', '--relative', '--no-show-signature',
    '--format=%x01%H %P', '-n', String(count), ref, '--', `${INVENTORY_DIR}/`,
  ], undefined, { config: ['log.showRoot=false'] });
  // The output is cut at each \x01 and read a line at a time, only as far as the kept lines go: an initial import's
  // diff is the whole inventory (hundreds of megabytes), and a string of it, or its lines, would all be made for 400.
  const diffs = new Map<string, CommitDiff>();
  for (let at = 0; at < out.length; ) {
    const mark = out.indexOf(1, at);
    const end = mark < 0 ? out.length : mark;
    const nl = out.indexOf(10, at);
    const lines = linesOf(out, at, end);
    const [sha = '', parents = ''] = (lines.next().value ?? '').split(' ');
    // The first line is the commit's ID (40 or 64 hex digits) and its parents; text before the first \x01 has none.
    if (nl >= 0 && nl < end && (sha.length === 40 || sha.length === 64)) diffs.set(sha, parents === '' ? await rootDiff(repoDir, sha, max) : parseDiffLines(lines, max));
    at = end + 1;
  }
  return diffs;
}

/** A root commit's diff, read as far as `max` lines: git is stopped there (and waited for). */
async function rootDiff(repoDir: string, sha: string, max: number): Promise<CommitDiff> {
  const args = ['diff-tree', '--root', '-p', '--no-color', '--no-renames', '-U2', '--relative', '--no-commit-id', sha, '--', `${INVENTORY_DIR}/`];
  const child = spawnGit(repoDir, args);
  child.stdin.end();
  const closed = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  const errors: Buffer[] = [];
  child.stderr.on('data', (b: Buffer) => errors.push(b));
  const reader = new DiffReader(max);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let full = false;
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    const text = rest + decoder.write(chunk);
    const rows = text.split('\n');
    rest = rows.pop()!;
    for (const row of rows) {
      if (!reader.push(row)) {
        full = true;
        break;
      }
    }
    if (full) break;
  }
  if (!full && rest !== '') reader.push(rest + decoder.end());
  if (full) child.kill();
  const code = await closed;
  if (!full && code !== 0) throw new GitError(args, code, Buffer.concat(errors).toString('utf8'));
  return reader.diff();
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
  const reader = new DiffReader(max);
  for (const raw of rows) if (!reader.push(raw)) break;
  return reader.diff();
}

/** Reads a unified diff a line at a time, keeping up to `max` lines (`push` is false once there are more). */
class DiffReader {
  private readonly lines: DiffLine[] = [];
  private file = '';
  private o = 0;
  private n = 0;
  private inHunk = false;
  private truncated = false;
  private readonly max: number;
  constructor(max: number) {
    this.max = max;
  }

  push(raw: string): boolean {
    const lines = this.lines;
    if (raw.startsWith('diff --git ')) {
      this.inHunk = false;
      return true;
    }
    if (!this.inHunk && raw.startsWith('+++ ')) {
      if (raw !== '+++ /dev/null') this.file = raw.slice(6);
      return true;
    }
    if (!this.inHunk && raw.startsWith('--- ')) {
      if (raw !== '--- /dev/null') this.file = raw.slice(6);
      return true;
    }
    const hunk = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(raw);
    if (hunk) {
      this.inHunk = true;
      this.o = Number(hunk[1]);
      this.n = Number(hunk[2]);
      if (lines.length >= this.max) return !(this.truncated = true);
      lines.push({ file: this.file, kind: '@', old: this.o, new: this.n, text: raw.slice(0, TEXT) });
      return true;
    }
    if (!this.inHunk || raw === '' || raw.startsWith('\\')) return true;
    const kind = raw[0] as DiffLine['kind'];
    if (kind !== '-' && kind !== '+' && kind !== ' ') return true;
    if (lines.length >= this.max) return !(this.truncated = true);
    lines.push({ file: this.file, kind, old: kind === '+' ? null : this.o, new: kind === '-' ? null : this.n, text: raw.slice(1, TEXT + 1) });
    if (kind !== '+') this.o++;
    if (kind !== '-') this.n++;
    return true;
  }

  diff(): CommitDiff {
    return { lines: this.lines, truncated: this.truncated };
  }
}
