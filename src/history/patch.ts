import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { kindHome } from '../inventory/layout.ts';
import { spawnGit } from '../git/run.ts';

/** One hunk of a `-U0` patch: lines removed at `oldStart`, lines added in their place. */
export interface Hunk {
  /** 0-based index in the old version of the first removed line, or of the line the added ones go before. */
  at: number;
  removed: string[];
  added: string[];
}

/** A file's patch in one commit: the blobs it goes between and its hunks. */
export interface FilePatch {
  before: string | null;
  after: string | null;
  hunks: Hunk[];
  /** The patch cannot be applied line by line (a missing final newline, a binary file, a quoted path). */
  opaque: boolean;
}

/** The patches of one commit by path. */
export interface CommitPatch {
  sha: string;
  files: Map<string, FilePatch>;
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@/;
const INDEX = /^index ([0-9a-f]+)\.\.([0-9a-f]+)/;
const ZERO = /^0+$/;

/**
 * The patches of the given commits' people and assignments files (the files read patch by patch;
 * the diffs of other files, usage snapshots above all, would cost git time and give nothing) against their first parents, in the order given, read
 * from one streaming `git log -p -U0` (memory holds one commit's patch at a time).
 */
export async function* commitPatches(repoDir: string, shas: readonly string[]): AsyncGenerator<CommitPatch> {
  if (shas.length === 0) return;
  const child = spawnGit(repoDir, [
    'log', '--no-walk=unsorted', '--stdin', '--first-parent', '--diff-merges=first-parent', '-p', '-U0', '--inter-hunk-context=0', '--full-index', '--no-renames',
    '--relative', '--no-color', '--src-prefix=a/', '--dst-prefix=b/', '--format=%x01%H', '--', kindHome('people'), kindHome('assignments'),
  ]);
  child.stdin.on('error', () => {});
  child.stdin.end(`${shas.join('\n')}\n`);
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => void (stderr += b.toString('utf8')));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  const reader = createPatchReader();
  try {
    for await (const line of lines(child.stdout)) {
      const done = reader.line(line);
      if (done) yield done;
    }
    const last = reader.end();
    if (last) yield last;
    const code = await closed;
    if (code !== 0) throw new Error(`git log -p failed (exit ${code}): ${stderr.trim().split('\n')[0] ?? ''}`);
  } finally {
    child.kill();
  }
}

/** The lines of a stream split at \n only (a carriage return is part of a line, as in the file). */
async function* lines(input: Readable): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of input) {
    const text = rest + decoder.write(chunk as Buffer);
    const parts = text.split('\n');
    rest = parts.pop()!;
    yield* parts;
  }
  rest += decoder.end();
  if (rest) yield rest;
}

/** Parses `git log -p -U0 --format=%x01%H` line by line; `line` returns a commit when the next one begins. */
export function createPatchReader() {
  let commit: CommitPatch | undefined;
  let file: FilePatch | undefined;
  let hunk: Hunk | undefined;
  let inHunk = false;
  const newFile = (): FilePatch => ({ before: null, after: null, hunks: [], opaque: false });
  return {
    line(raw: string): CommitPatch | undefined {
      if (raw.startsWith('\x01')) {
        const done = commit;
        commit = { sha: raw.slice(1), files: new Map() };
        file = undefined;
        return done;
      }
      if (!commit) return undefined;
      if (raw.startsWith('diff --git ')) {
        file = newFile();
        inHunk = false;
        return undefined;
      }
      if (!file) return undefined;
      if (inHunk) {
        const c = raw[0];
        if (c === '-') hunk!.removed.push(raw.slice(1));
        else if (c === '+') hunk!.added.push(raw.slice(1));
        else if (c === '@') startHunk(raw);
        // A missing final newline, or a context line (diff.interHunkContext): not a plain -U0 hunk.
        else if (raw !== '') file.opaque = true;
        return undefined;
      }
      const index = INDEX.exec(raw);
      if (index) {
        file.before = ZERO.test(index[1]!) ? null : index[1]!;
        file.after = ZERO.test(index[2]!) ? null : index[2]!;
      } else if (raw.startsWith('--- ') || raw.startsWith('+++ ')) {
        const path = raw.slice(4);
        if (path.startsWith('"')) file.opaque = true;
        else if (path !== '/dev/null') commit.files.set(path.slice(2), file);
      } else if (raw.startsWith('Binary files ')) file.opaque = true;
      else if (raw.startsWith('@@')) startHunk(raw);
      return undefined;
    },
    end: () => commit,
  };
  function startHunk(raw: string) {
    const m = HUNK.exec(raw);
    if (!m) {
      file!.opaque = true;
      return;
    }
    const start = Number(m[1]);
    const count = m[2] === undefined ? 1 : Number(m[2]);
    // `-5,0`: nothing removed, lines added after line 5; `-5,2`: lines 5 and 6 replaced.
    hunk = { at: count === 0 ? start : start - 1, removed: [], added: [] };
    file!.hunks.push(hunk);
    inHunk = true;
  }
}
