// The history algorithm before issue 16 (every record of every changed file compared, blob by blob),
// kept (but for the parse cache on disk, now gone) as the reference the patch-reading walk must agree with (tests/history/equivalence.test.ts).
import { isAbsolute, join } from 'node:path';
import type { ChangeApproval } from '../../src/history/approval.ts';
import { classify } from '../../src/inventory/layout.ts';
import { KINDS, type Kind } from '../../src/inventory/schema/index.ts';
import { verifyCommit } from '../../src/inventory/git-source.ts';
import type { IsoDate } from '../../src/util/dates.ts';
import { blobStore, type BlobParser, type BlobStats, type BlobStore, type Wanted } from '../../src/history/blobs.ts';
import { changedCommits, commitInfos, type ChangedCommit, type CommitInfo } from '../../src/history/commits.ts';
import { recordEvents, type Draft, type Subjects } from '../../src/history/events.ts';
import { gitText, pathVersions } from '../../src/history/git.ts';
import { same } from '../../src/history/diff.ts';
import { recordMap, type RecordMap } from '../../src/history/records.ts';
import { dayIn } from '../../src/history/time.ts';

/** A semantic change to the inventory, with the commit (and pull request) it came in by. */
export interface HistoryEvent extends Draft {
  commit: string;
  /** Commit date, UTC. */
  date: string;
  author: string;
  email: string;
  pr: number | null;
  signed: boolean;
  /** Who wrote the commit object (untrusted text); set by `history`. */
  committer?: string;
  committerEmail?: string;
  /** The review record of the commit, where it was looked up (see approval.ts). */
  approval?: ChangeApproval;
}

export interface HistoryOptions {
  /** Whose first-parent line to walk (default HEAD). */
  ref?: string;
  /** Only commits from this day on (inclusive), in `timeZone`. */
  since?: IsoDate;
  /** Only commits up to this day (inclusive), in `timeZone`. */
  until?: IsoDate;
  /** The org's time zone for since/until (default UTC). */
  timeZone?: string;
  license?: string;
  person?: string;
  /** Only files of these kinds are read (default all). */
  kinds?: readonly Kind[];
  /** Default newest first, as `git log`. */
  order?: 'newest' | 'oldest';
  /** Keep parsed blobs under .git/lac-cache/ (default true). */
  diskCache?: boolean;
  /** The parser (tests count its calls). */
  parse?: BlobParser;
  /** Source bytes of parsed blobs kept in memory (default 64 MiB). */
  memoryBudget?: number;
}

export interface HistoryResult {
  events: HistoryEvent[];
  stats: BlobStats & { commits: number };
  /** The commits the events came in by (their messages, committers), by id. */
  commits: Map<string, CommitInfo>;
}

const CHUNK = 200;

/** The inventory's history as semantic events, from the first-parent line of a branch. */
export async function history(repoDir: string, options: HistoryOptions = {}): Promise<HistoryResult> {
  const ref = await verifyCommit(repoDir, options.ref ?? 'HEAD');
  const tz = options.timeZone ?? 'UTC';
  const kinds = relevantKinds(options);
  const commits = (await changedCommits(repoDir, ref)).reverse().filter((c) => {
    const day = dayIn(new Date(c.time * 1000), tz);
    return (!options.since || day >= options.since) && (!options.until || day <= options.until);
  }).map((c) => ({ ...c, changes: c.changes.filter((ch) => isOneOf(kindOf(ch.path), kinds)) }));
  const cacheDir = options.diskCache === false ? undefined : await cacheFolder(repoDir);
  // The parse cache on disk is gone (issue 16): the reference keeps blobs in memory only.
  void cacheDir;
  const store = blobStore(repoDir, options.parse, options.memoryBudget);
  const perCommit: HistoryEvent[][] = [];
  const infoOf = new Map<string, CommitInfo>();
  // The last version of each path that parsed: a file that was broken for a while compares with it.
  const lastGood = new Map<string, string>();
  try {
    for (let i = 0; i < commits.length; i += CHUNK) {
      const chunk = commits.slice(i, i + CHUNK);
      const infos = await commitInfos(repoDir, chunk.map((c) => c.sha));
      // One commit at a time: memory holds the blobs of one commit, plus what the budget keeps.
      for (const commit of chunk) {
        await store.load(wantedBlobs(commit, lastGood));
        await findLastGood(repoDir, commit, store, lastGood);
        const drafts = commitDrafts(commit, store.get, lastGood);
        const info = infos.get(commit.sha)!;
        const events = drafts.filter((d) => matches(d, options)).map((d) => withCommit(d, info));
        if (events.length) infoOf.set(commit.sha, info);
        perCommit.push(events);
      }
    }
  } finally {
    await store.close();
  }
  if (options.order !== 'oldest') perCommit.reverse();
  return { events: perCommit.flat(), stats: { ...store.stats, commits: commits.length }, commits: infoOf };
}

// The kinds of file whose records can name a license, or a person, as their subject.
const ABOUT_LICENSES: readonly Kind[] = ['license', 'contract', 'assignments', 'usage'];
const ABOUT_PEOPLE: readonly Kind[] = ['people', 'assignments'];

/** The kinds of file whose records can be about the license or person asked for: others are not even parsed. */
function relevantKinds(o: HistoryOptions): Set<Kind> {
  return new Set(KINDS.filter((k) => (!o.kinds || o.kinds.includes(k)) && (!o.license || ABOUT_LICENSES.includes(k)) && (!o.person || ABOUT_PEOPLE.includes(k))));
}

const isOneOf = (kind: Kind | undefined, kinds: Set<Kind>) => kind !== undefined && kinds.has(kind);

function kindOf(path: string): Kind | undefined {
  const placement = classify(path);
  return placement.ok ? placement.kind : undefined;
}

function wantedBlobs(commit: ChangedCommit, lastGood: Map<string, string>): Wanted[] {
  const wanted: Wanted[] = [];
  for (const ch of commit.changes) {
    const kind = kindOf(ch.path);
    if (!kind) continue;
    for (const oid of [ch.before, ch.after, lastGood.get(ch.path)]) if (oid) wanted.push({ path: ch.path, kind, oid });
  }
  return wanted;
}

type Get = (kind: Wanted['kind'], oid: string) => Record<string, unknown> | null;

/** Compares every record of the changed files before and after a commit, matched by ID across files. */
function commitDrafts(commit: ChangedCommit, get: Get, lastGood: Map<string, string>): Draft[] {
  const drafts: Draft[] = [];
  const files: { before?: RecordMap; after?: RecordMap }[] = [];
  for (const ch of [...commit.changes].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const placement = classify(ch.path);
    if (!placement.ok) continue;
    const kind = placement.kind;
    if (ch.before && get(kind, ch.before)) lastGood.set(ch.path, ch.before);
    const afterData = ch.after ? get(kind, ch.after) : undefined;
    if (afterData === null) {
      // A version that does not parse says nothing about its records: report it, compare nothing.
      drafts.push({ type: 'file.unreadable', details: {}, file: ch.path });
      continue;
    }
    const beforeOid = lastGood.get(ch.path);
    const beforeData = beforeOid ? get(kind, beforeOid) : undefined;
    files.push({
      ...(beforeData ? { before: recordMap(kind, ch.path, beforeData) } : {}),
      ...(afterData ? { after: recordMap(kind, ch.path, afterData) } : {}),
    });
    if (ch.after) lastGood.set(ch.path, ch.after);
    else lastGood.delete(ch.path);
  }
  const befores = files.flatMap((f) => (f.before ? [f.before] : []));
  const afters = files.flatMap((f) => (f.after ? [f.after] : []));
  const find = (maps: RecordMap[], key: string) => {
    for (const m of maps) {
      const r = m.get(key);
      if (r) return r;
    }
    return undefined;
  };
  // Events come file by file (sorted paths), each in the order of the records in its file; a record
  // in two files (a file renamed in this commit) is compared once, the first file's version winning.
  const seen = files.length > 1 ? new Set<string>() : undefined;
  for (const { before, after } of files) {
    for (const map of [before, after]) {
      if (!map) continue;
      for (const key of map.keys()) {
        if (seen) {
          if (seen.has(key)) continue;
          seen.add(key);
        } else if (map === after && before?.has(key)) continue;
        const b = find(befores, key);
        const a = find(afters, key);
        if (b && a && same(b.data, a.data)) continue;
        drafts.push(...recordEvents(b, a));
      }
    }
  }
  return drafts;
}

/**
 * A file whose version before a commit does not parse, and whose last good version lies before
 * the commits read (--since): look back along the first-parent line for the last version that parses.
 */
async function findLastGood(repoDir: string, commit: ChangedCommit, store: BlobStore, lastGood: Map<string, string>): Promise<void> {
  for (const ch of commit.changes) {
    const kind = kindOf(ch.path);
    if (!kind || !ch.before || lastGood.has(ch.path) || store.get(kind, ch.before) !== null) continue;
    const older = await gitText(repoDir, ['log', '--first-parent', '--no-show-signature', '--format=%H', '-n', '50', `${commit.sha}^`, '--', ch.path]).catch(() => '');
    for (const oid of await pathVersions(repoDir, older.split('\n').filter(Boolean), ch.path)) {
      if (!oid) break; // deleted there: nothing older belongs to this version of the file
      await store.load([{ path: ch.path, kind, oid }]);
      if (store.get(kind, oid) !== null) {
        lastGood.set(ch.path, oid);
        break;
      }
    }
  }
}

const matches = (d: Draft, o: HistoryOptions) => (!o.license || d.license === o.license) && (!o.person || d.person === o.person);

/** The event with its commit attached, keys in a fixed order (stable JSON). */
function withCommit(d: Draft, info: CommitInfo): HistoryEvent {
  const subjects: Subjects = {};
  for (const k of ['license', 'person', 'device', 'contract', 'vendor'] as const) if (d[k] !== undefined) subjects[k] = d[k];
  return { type: d.type, ...subjects, details: d.details, file: d.file, commit: info.sha, date: info.date, author: info.author, email: info.email, pr: info.pr, signed: info.signed, committer: info.committer, committerEmail: info.committerEmail };
}

/** .git/lac-cache of the repository (the common git folder, shared by worktrees). */
export async function cacheFolder(repoDir: string): Promise<string> {
  const dir = await gitText(repoDir, ['rev-parse', '--git-common-dir']);
  return join(isAbsolute(dir) ? dir : join(repoDir, dir), 'lac-cache');
}
