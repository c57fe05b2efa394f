import { isAbsolute, join } from 'node:path';
import type { ChangeApproval } from './approval.ts';
import { KINDS, type Kind } from '../inventory/schema/index.ts';
import { verifyCommit } from '../inventory/git-source.ts';
import type { IsoDate } from '../util/dates.ts';
import { VERSION } from '../cli/version.ts';
import { blobStore, type BlobParser, type BlobStats } from './blobs.ts';
import { changedCommits, parseCommit, type ChangedCommit, type CommitInfo } from './commits.ts';
import { eventCache, type CachedCommit } from './event-cache.ts';
import { lineCache } from './line-cache.ts';
import type { Draft } from './events.ts';
import { gitText, objectReader, type GitObject } from './git.ts';
import { isListKind } from './list-file.ts';
import { commitPatches, type CommitPatch } from './patch.ts';
import { dayIn } from './time.ts';
import { stringPool, type StringPool } from '../util/string-pool.ts';
import { kindOf, walkCommit, type WalkState } from './walk.ts';

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
  /** Keep the events of each commit under .git/lac-cache/history/ (default true). */
  diskCache?: boolean;
  /** The parser (tests count its calls). */
  parse?: BlobParser;
  /** Source bytes of parsed blobs kept in memory (default 16 MiB). */
  memoryBudget?: number;
  /** The version the event cache is keyed by (default lac's; tests change it). */
  cacheVersion?: string;
  /** Files compared whole at a time in a commit of more (default 32; tests make it 1). */
  batchFiles?: number;
}

export interface HistoryStats extends BlobStats {
  /** Commits read. */
  commits: number;
  /** Commits walked whose files were compared a few at a time (walk-batched.ts). */
  batched: number;
}

export interface HistoryResult {
  events: HistoryEvent[];
  stats: HistoryStats;
  /** The commits the events came in by (their messages, committers), by id. */
  commits: Map<string, CommitInfo>;
}

const CHUNK = 200;
// Source bytes of parsed blobs kept: the last versions of the files compared whole (contracts,
// licenses, usage snapshots); people and assignments files are followed by their patches instead.
const WALK_BUDGET = 16 * 1024 * 1024;
// A commit with more files compared whole compares them this many at a time (walk-batched.ts).
const BATCH = 32;
// Commits whose blobs are asked for before they are compared.
const AHEAD = 16;

/** The inventory's history as semantic events, from the first-parent line of a branch. */
export async function history(repoDir: string, options: HistoryOptions = {}): Promise<HistoryResult> {
  const ref = await verifyCommit(repoDir, options.ref ?? 'HEAD');
  const tz = options.timeZone ?? 'UTC';
  const kinds = relevantKinds(options);
  // A walk that will be cached reads every kind of file (a commit's whole events); one that will
  // not (--no-cache) reads only the kinds asked for.
  const whole = options.diskCache !== false || kinds.size === KINDS.length;
  const version = options.cacheVersion ?? VERSION;
  const place = options.diskCache === false ? undefined : await cacheLocation(repoDir);
  const lines = lineCache(place?.dir, version, place?.prefix ?? '');
  const known = await lines.read(ref);
  // The packs are read while git lists the commits (when the line of this ref is not known).
  const list = () => changedCommits(repoDir, ref).then((c) => c.reverse());
  const listed = known ? undefined : list();
  // A failure of git is thrown where the list is awaited, not reported as unhandled while the packs are read.
  listed?.catch(() => undefined);
  const cache = eventCache(place?.dir, version);
  const found = await readCached(cache);
  // The known line stands for git's list only when every commit of it has its events cached: the
  // others are walked, and that needs their changed files, which only git's list has.
  const all: ChangedCommit[] = known && known.every((c) => found.has(c.sha)) ? known.map((c) => ({ ...c, changes: [] })) : await (listed ?? list());
  if (!known) await lines.write(ref, all);
  const inRange = !options.since && !options.until ? all : all.filter((c) => {
    const day = dayIn(new Date(c.time * 1000), tz);
    return (!options.since || day >= options.since) && (!options.until || day <= options.until);
  });
  const stats: HistoryStats = { parsed: 0, read: 0, commits: inRange.length, batched: 0 };
  const perCommit: HistoryEvent[][] = [];
  const infoOf = new Map<string, CommitInfo>();
  const position = new Map(all.map((c, i) => [c.sha, i]));
  // Each id, path and value is held once across the events, however many copies the parses and cache reads made.
  const pool = stringPool();
  const keep = (entry: CachedCommit) => {
    const kept = kinds.size === KINDS.length && !options.license && !options.person ? entry.drafts : entry.drafts.filter((d) => isOneOf(kindOf(d.file), kinds) && matches(d, options));
    const events = kept.map((d) => withCommit(d, entry.info, pool));
    if (events.length) infoOf.set(entry.info.sha, entry.info);
    perCommit.push(events);
  };
  for (let i = 0; i < inRange.length;) {
    const hit = found.get(inRange[i]!.sha);
    if (hit) {
      keep(hit);
      i++;
      continue;
    }
    // A run of commits with no cached events, one after the other on the first-parent line: walked together.
    let j = i + 1;
    while (j < inRange.length && !found.has(inRange[j]!.sha) && position.get(inRange[j]!.sha) === position.get(inRange[j - 1]!.sha)! + 1) j++;
    const run = whole ? inRange.slice(i, j) : inRange.slice(i, j).map((c) => ({ ...c, changes: c.changes.filter((ch) => isOneOf(kindOf(ch.path), kinds)) }));
    const fromRoot = position.get(run[0]!.sha) === 0;
    const fresh: (CachedCommit & { commit: string })[] = [];
    for await (const { info, drafts, certain } of walkRun(repoDir, run, fromRoot, options, stats)) {
      keep({ info, drafts });
      if (whole && certain) fresh.push({ commit: info.sha, info, drafts });
    }
    await cache.write(run[run.length - 1]!.sha, fresh);
    i = j;
  }
  if (options.order !== 'oldest') perCommit.reverse();
  return { events: perCommit.flat(), stats, commits: infoOf };
}

/** The cached events of every pack there is, by commit (packs of other branches too: a commit's events are its own). */
async function readCached(cache: ReturnType<typeof eventCache>): Promise<Map<string, CachedCommit>> {
  const out = new Map<string, CachedCommit>();
  for (const name of await cache.packs()) for (const [k, e] of await cache.read(name)) out.set(k, e);
  return out;
}

/**
 * Walks consecutive commits oldest first: each commit's patch (one streaming `git log -p`) says
 * which records of the people and assignments files changed; other files are parsed whole, once per
 * version. Memory holds one commit's patch, the files followed and the parse budget.
 */
async function* walkRun(repoDir: string, run: ChangedCommit[], fromRoot: boolean, o: HistoryOptions, stats: HistoryStats): AsyncGenerator<CachedCommit & { certain: boolean }> {
  const reader = objectReader(repoDir);
  // Blobs of the next commits are asked for ahead, so that git reads them while this one is compared.
  const ahead = new Map<string, Promise<GitObject | undefined>>();
  const read = (oid: string) => {
    const p = ahead.get(oid);
    ahead.delete(oid);
    return p ?? reader.read(oid);
  };
  const askedFor: string[][] = [];
  const readAhead = (upTo: number) => {
    while (askedFor.length < Math.min(upTo, run.length)) {
      const oids: string[] = [];
      for (const ch of run[askedFor.length]!.changes) {
        const kind = kindOf(ch.path);
        if (ch.after && kind && !isListKind(kind) && !ahead.has(ch.after)) ahead.set(ch.after, reader.read(ch.after)), oids.push(ch.after);
      }
      askedFor.push(oids);
    }
  };
  // Parsed blobs are kept in memory only: the events they give are what is cached.
  const store = blobStore(repoDir, o.parse, o.memoryBudget ?? WALK_BUDGET, read);
  const state: WalkState = { lastGood: new Map(), lists: new Map(), store, reader, fromRoot, batch: o.batchFiles ?? BATCH };
  const patches = commitPatches(repoDir, run.map((c) => c.sha));
  let pending: CommitPatch | undefined;
  let ended = false;
  const patchOf = async (sha: string) => {
    if (!pending && !ended) {
      const next = await patches.next();
      if (next.done) ended = true;
      else pending = next.value;
    }
    if (pending?.sha !== sha) return undefined; // no patch for it (git printed none): compared whole
    const p = pending;
    pending = undefined;
    return p;
  };
  try {
    for (let i = 0; i < run.length; i += CHUNK) {
      const chunk = run.slice(i, i + CHUNK);
      const objects = await Promise.all(chunk.map((c) => reader.read(c.sha)));
      for (const [k, commit] of chunk.entries()) {
        readAhead(i + k + AHEAD);
        const { drafts, certain, batched } = await walkCommit(repoDir, commit.sha, commit.changes, await patchOf(commit.sha), state);
        if (batched) stats.batched++;
        // What the commit did not need (a blob already parsed) is not kept.
        for (const oid of askedFor[i + k]!) ahead.delete(oid);
        yield { info: parseCommit(commit.sha, objects[k]!.data.toString('utf8')), drafts, certain };
      }
    }
  } finally {
    await patches.return(undefined);
    reader.close();
    await store.close();
    for (const k of ['parsed', 'read'] as const) stats[k] += store.stats[k];
  }
}

// The kinds of file whose records can name a license, or a person, as their subject.
const ABOUT_LICENSES: readonly Kind[] = ['license', 'contract', 'assignments', 'usage'];
const ABOUT_PEOPLE: readonly Kind[] = ['people', 'assignments'];

/** The kinds of file whose records can be about the license or person asked for: others are not even parsed. */
function relevantKinds(o: HistoryOptions): Set<Kind> {
  return new Set(KINDS.filter((k) => (!o.kinds || o.kinds.includes(k)) && (!o.license || ABOUT_LICENSES.includes(k)) && (!o.person || ABOUT_PEOPLE.includes(k))));
}

const isOneOf = (kind: Kind | undefined, kinds: Set<Kind>) => kind !== undefined && kinds.has(kind);

const matches = (d: Draft, o: HistoryOptions) => (!o.license || d.license === o.license) && (!o.person || d.person === o.person);

/** The event with its commit attached, keys in a fixed order (stable JSON), its strings taken from `pool`. */
function withCommit(d: Draft, info: CommitInfo, pool: StringPool): HistoryEvent {
  // Set key by key, not spread nor assigned: the same order at a fraction of the cost over 60,000 events.
  const e = { type: d.type } as HistoryEvent;
  if (d.license !== undefined) e.license = pool.one(d.license);
  if (d.person !== undefined) e.person = pool.one(d.person);
  if (d.device !== undefined) e.device = pool.one(d.device);
  if (d.contract !== undefined) e.contract = pool.one(d.contract);
  if (d.vendor !== undefined) e.vendor = pool.one(d.vendor);
  e.details = pool.details(d.details);
  e.file = pool.one(d.file);
  e.commit = info.sha;
  e.date = info.date;
  e.author = info.author;
  e.email = info.email;
  e.pr = info.pr;
  e.signed = info.signed;
  e.committer = info.committer;
  e.committerEmail = info.committerEmail;
  return e;
}

/** .git/lac-cache of the repository (the common git folder, shared by worktrees). */
export async function cacheFolder(repoDir: string): Promise<string> {
  return (await cacheLocation(repoDir)).dir;
}

/** cacheFolder, and where repoDir is in its work tree ('' at the top, else `sub/dir/`). */
async function cacheLocation(repoDir: string): Promise<{ dir: string; prefix: string }> {
  const [dir = '', prefix = ''] = (await gitText(repoDir, ['rev-parse', '--git-common-dir', '--show-prefix'])).split('\n');
  return { dir: join(isAbsolute(dir) ? dir : join(repoDir, dir), 'lac-cache'), prefix };
}
