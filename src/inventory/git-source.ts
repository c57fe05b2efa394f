import { batchedObjects, git, GitError, gitText } from '../history/git.ts';
import { dayIn, endOfDayMs, isoInstant } from '../history/time.ts';
import { isIsoDate } from '../util/dates.ts';
import { ReadRefused, tooLarge } from '../util/fs/read-bounded.ts';
import { INVENTORY_DIR } from './layout.ts';
import { MAX_FILE_BYTES } from './parse/decode.ts';
import type { TreeSource } from './source.ts';

/** A revision or date that names no commit: a mistake the user can fix (the CLI prints it without a stack). */
export class RevisionError extends Error {
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'RevisionError';
    this.hint = hint;
  }
}

export interface Entry {
  oid: string;
  /** Git file mode: 120000 is a symbolic link (its blob is the target's path). */
  mode: string;
  size: number;
}

/**
 * The inventory as it stood at a revision, read from git objects (ls-tree + cat-file):
 * neither the working tree nor the index is read or written.
 */
export function gitSource(repoDir: string, revision: string, label = `${repoDir}@${revision}`): TreeSource {
  // Reads asked for in the same tick go to git together, in one cat-file process; spooled: the small files
  // of a diff arrive while the changed ones are parsed (issue 16).
  return listedSource(repoDir, revision, () => listTree(repoDir, revision), batchedObjects(repoDir), label);
}

/** A TreeSource of a revision whose entries `list` gives and whose blobs `object` reads by id. */
export function listedSource(repoDir: string, revision: string, list: () => Promise<Map<string, Entry>>, object: (oid: string) => Promise<Uint8Array>, label = `${repoDir}@${revision}`): TreeSource {
  let tree: Promise<Map<string, Entry>> | undefined;
  const entries = () => (tree ??= list());
  // Sorted once: a diff lists each side several times; every caller gets its own copy.
  let sorted: Promise<string[]> | undefined;
  /** The listed entry of a file that may be read. */
  const readable = async (path: string): Promise<Entry> => {
    const entry = (await entries()).get(path);
    if (!entry) throw new Error(`no such file at ${revision}: ${path}`);
    // As in the working tree: a link is not followed, and the size is checked before reading.
    if (entry.mode === '120000') throw refused(path, new ReadRefused('unreadable-file', 'is a symbolic link, not a regular file', 'replace the link with the file itself'));
    if (entry.size > MAX_FILE_BYTES) throw refused(path, tooLarge(entry.size, MAX_FILE_BYTES));
    return entry;
  };
  return {
    label,
    git: { repo: repoDir, revision, oid: async (path) => (await readable(path)).oid },
    list: async () => (await (sorted ??= entries().then((e) => [...e.keys()].sort()))).slice(),
    read: async (path) => {
      return object((await readable(path)).oid);
    },
  };
}

const refused = (path: string, e: ReadRefused) => Object.assign(e, { path });

/** Every blob under inventory/ at a revision: path (relative to repoDir) → object id. */
async function listTree(repoDir: string, revision: string): Promise<Map<string, Entry>> {
  const commit = await verifyCommit(repoDir, revision);
  // Paths and the pathspec are relative to repoDir, so a license repo in a subfolder works too.
  const out = await git(repoDir, ['ls-tree', '-r', '-l', '-z', commit, '--', `${INVENTORY_DIR}/`]);
  const map = new Map<string, Entry>();
  for (const record of out.toString('utf8').split('\0')) {
    if (!record) continue;
    const tab = record.indexOf('\t');
    const [mode, type, oid, size] = record.slice(0, tab).split(/ +/);
    if (type !== 'blob') continue; // submodules (type commit) hold no inventory
    map.set(record.slice(tab + 1), { oid: oid!, mode: mode!, size: Number(size) });
  }
  return map;
}

/** Commit ids verifyCommit gave, per repository: a commit's id names it for good, so a source of that id is not verified again (two git processes). */
const verified = new Set<string>();

/** The full commit id a revision names, or a RevisionError. */
export async function verifyCommit(repoDir: string, revision: string): Promise<string> {
  if (verified.has(`${repoDir}\u0000${revision}`)) return revision;
  try {
    const commit = await gitText(repoDir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
    verified.add(`${repoDir}\u0000${commit}`);
    return commit;
  } catch (e) {
    if (!(e instanceof GitError)) throw e;
    // Only a failure asks whether this is a repository at all: a good revision costs one git process, not two.
    await ensureRepository(repoDir);
    if (revision === 'HEAD') throw new RevisionError(`the repository ${repoDir} has no commits yet`, 'commit the inventory first');
    throw new RevisionError(`unknown revision "${revision}" in ${repoDir}`, 'pass a date YYYY-MM-DD, or a commit, tag or branch that exists (see `git log`)');
  }
}

async function ensureRepository(repoDir: string): Promise<void> {
  try {
    await gitText(repoDir, ['rev-parse', '--git-dir']);
  } catch (e) {
    if (!(e instanceof GitError)) throw e;
    throw new RevisionError(`${repoDir} is not a git repository`, 'history and --at read the git history of the license repository; run lac in its clone');
  }
}

export interface ResolvedAt {
  /** Full commit id. */
  commit: string;
  /** Commit date of that commit (UTC, ISO 8601). */
  date: string;
}

export interface ResolveOptions {
  /** IANA time zone in which a date's day ends (the org's); UTC when absent. */
  timeZone?: string;
  /** Branch whose first-parent line a date is looked up on (default HEAD, the current branch). */
  ref?: string;
}

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date YYYY-MM-DD or a revision → a commit. A date means the last commit on the current
 * branch's first-parent line committed at or before the end of that day (in the time zone).
 */
export async function resolveAt(repoDir: string, dateOrRevision: string, options: ResolveOptions = {}): Promise<ResolvedAt> {
  const ref = options.ref ?? 'HEAD';
  if (!DATE_SHAPE.test(dateOrRevision)) {
    const commit = await verifyCommit(repoDir, dateOrRevision);
    return { commit, date: await commitDate(repoDir, commit) };
  }
  if (!isIsoDate(dateOrRevision)) throw new RevisionError(`${dateOrRevision} is not a calendar date`, 'write a date as YYYY-MM-DD, e.g. 2026-06-30');
  const head = await verifyCommit(repoDir, ref);
  const timeZone = options.timeZone ?? 'UTC';
  const bound = endOfDayMs(dateOrRevision, timeZone);
  const lines = (await gitText(repoDir, ['log', '--first-parent', '--no-show-signature', '--no-color', '--format=%H %ct', head])).split('\n');
  for (const line of lines) {
    const [sha, seconds] = line.split(' ');
    if (Number(seconds) * 1000 < bound) return { commit: sha!, date: isoInstant(Number(seconds)) };
  }
  const first = Number(lines[lines.length - 1]!.split(' ')[1]);
  const firstDate = dayIn(new Date(first * 1000), timeZone);
  throw new RevisionError(
    `no commit on ${ref === 'HEAD' ? 'the current branch' : ref} at or before ${dateOrRevision}${options.timeZone ? ` (${options.timeZone})` : ''}: the history starts on ${firstDate}`,
    `pass a date on or after ${firstDate}`,
  );
}

async function commitDate(repoDir: string, commit: string): Promise<string> {
  return isoInstant(Number(await gitText(repoDir, ['log', '-1', '--no-show-signature', '--no-color', '--format=%ct', commit])));
}
