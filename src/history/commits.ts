import { git, readObjects } from './git.ts';
import { isoInstant } from './time.ts';
import { INVENTORY_DIR } from '../inventory/layout.ts';

/** One file under inventory/ that a commit changed, against its first parent. */
export interface FileChange {
  path: string;
  /** Blob before the commit; null when the file was added. */
  before: string | null;
  /** Blob after the commit; null when the file was deleted. */
  after: string | null;
}

/** A commit on the first-parent line that touched inventory/. */
export interface ChangedCommit {
  sha: string;
  /** Committer time (seconds since the epoch): when it landed on the branch. */
  time: number;
  changes: FileChange[];
}

const ZERO = /^0+$/;

/**
 * The commits on a ref's first-parent line that changed inventory/, newest first, each with its
 * changed blobs against the first parent (merges: what the merged pull request brought in).
 */
export async function changedCommits(repoDir: string, ref: string): Promise<ChangedCommit[]> {
  // One process for the whole walk. --no-renames: a rename is a delete plus an add, and records are
  // matched by ID, not by path, so a moved or renamed file still compares by meaning.
  const out = await git(repoDir, [
    // --relative: paths relative to repoDir, which may be a subfolder of the git repository.
    'log', '--first-parent', '--diff-merges=first-parent', '--root', '--raw', '-z', '--no-renames', '--no-abbrev', '--relative',
    // A user's log.showSignature or color.ui=always would otherwise mix text into the output.
    '--no-show-signature', '--no-color', '--format=%x01%H %ct', ref, '--', `${INVENTORY_DIR}/`,
  ]);
  return parseRawLog(out.toString('utf8'));
}

/** Parses `git log --raw -z --format=%x01%H %ct` output. */
export function parseRawLog(text: string): ChangedCommit[] {
  const commits: ChangedCommit[] = [];
  for (const chunk of text.split('\x01')) {
    if (!chunk) continue;
    const fields = chunk.split('\0');
    const [sha, time] = fields[0]!.split(' ');
    const changes: FileChange[] = [];
    for (let i = 1; i + 1 < fields.length; i += 2) {
      const meta = fields[i]!.replace(/^\n/, '');
      if (!meta.startsWith(':')) break;
      const [oldMode, newMode, oldOid, newOid] = meta.slice(1).split(' ');
      const path = fields[i + 1]!;
      // Only regular files and symlinks are blobs; submodule entries (160000) are not inventory.
      const before = oldMode === '160000' || ZERO.test(oldOid!) ? null : oldOid!;
      const after = newMode === '160000' || ZERO.test(newOid!) ? null : newOid!;
      if (before !== null || after !== null) changes.push({ path, before, after });
    }
    commits.push({ sha: sha!, time: Number(time), changes });
  }
  return commits;
}

/** Who made a commit, when, by which pull request, and whether it carries a signature. */
export interface CommitInfo {
  sha: string;
  author: string;
  email: string;
  /** Commit (committer) date as a UTC instant. */
  date: string;
  subject: string;
  pr: number | null;
  /** The commit object has a gpgsig header (OpenPGP, SSH or X.509). Presence only: not verified here. */
  signed: boolean;
  /** Who wrote the commit object (GitHub's web merges: "GitHub"); untrusted text. */
  committer: string;
  committerEmail: string;
  /** The full message (untrusted: escape it wherever it is shown). */
  message: string;
  /** How many parents: 2 or more for a merge commit. */
  parents: number;
}

/** Reads commit objects in one batch and parses their headers. */
export async function commitInfos(repoDir: string, shas: readonly string[]): Promise<Map<string, CommitInfo>> {
  const objects = await readObjects(repoDir, shas);
  const out = new Map<string, CommitInfo>();
  for (const [sha, obj] of objects) out.set(sha, parseCommit(sha, obj.data.toString('utf8')));
  return out;
}

/** Parses a raw commit object (headers, blank line, message). */
export function parseCommit(sha: string, raw: string): CommitInfo {
  const end = raw.indexOf('\n\n');
  const headers = end < 0 ? raw : raw.slice(0, end);
  const message = end < 0 ? '' : raw.slice(end + 2);
  let author = { name: '', email: '' };
  let committer = { name: '', email: '' };
  let time = 0;
  let signed = false;
  let parents = 0;
  for (const line of headers.split('\n')) {
    if (line.startsWith(' ')) continue; // continuation of a multi-line header (the signature)
    const space = line.indexOf(' ');
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    if (key === 'author') author = person(value).who;
    else if (key === 'committer') ({ who: committer, time } = person(value));
    else if (key === 'parent') parents++;
    else if (key === 'gpgsig' || key === 'gpgsig-sha256') signed = true;
  }
  const subject = message.split('\n')[0] ?? '';
  return {
    sha, author: author.name, email: author.email, date: isoInstant(time), subject, pr: pullRequestNumber(message), signed,
    committer: committer.name, committerEmail: committer.email, message, parents,
  };
}

function person(value: string): { who: { name: string; email: string }; time: number } {
  const m = /^(.*?) ?<([^>]*)> (\d+) [+-]\d{4}$/.exec(value);
  if (!m) return { who: { name: value, email: '' }, time: 0 };
  return { who: { name: m[1]!, email: m[2]! }, time: Number(m[3]) };
}

/** The pull request a commit came in by: GitHub merge commits and squash-merge titles. */
export function pullRequestNumber(message: string): number | null {
  const subject = message.split('\n')[0]!.trim();
  const merge = /^Merge pull request #(\d+) from \S/.exec(subject);
  if (merge) return Number(merge[1]);
  const squash = /\(#(\d+)\)$/.exec(subject);
  if (squash) return Number(squash[1]);
  return null;
}
