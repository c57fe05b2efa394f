import { classify } from '../inventory/layout.ts';
import type { Kind } from '../inventory/schema/index.ts';
import type { BlobStore, Wanted } from './blobs.ts';
import type { FileChange } from './commits.ts';
import { commitDrafts, type Compared } from './drafts.ts';
import type { Draft } from './events.ts';
import { gitText, pathVersions, type ObjectReader } from './git.ts';
import { applyPatch, isListKind, listFile, type ListFile } from './list-file.ts';
import type { CommitPatch } from './patch.ts';
import { recordMap } from './records.ts';

/** What a walk over consecutive commits keeps between them. */
export interface WalkState {
  /** The last version of each path that parsed: a file that was broken for a while compares with it. */
  lastGood: Map<string, string>;
  /** People and assignments files followed by their patches, at their last good version. */
  lists: Map<string, ListFile>;
  store: BlobStore;
  reader: ObjectReader;
  /** The walk began at the first commit: every last good version is known, none is looked for. */
  fromRoot: boolean;
}

/** A commit's events, and whether they are what a walk from the first commit gives (then they may be cached). */
export interface CommitDrafts {
  drafts: Draft[];
  certain: boolean;
}

export function kindOf(path: string): Kind | undefined {
  const placement = classify(path);
  return placement.ok ? placement.kind : undefined;
}

/** Namespace of a file's record keys: two files of a commit with the same one may hold the same record. */
function namespace(kind: Kind, path: string, data: Record<string, unknown> | null | undefined): string {
  if (kind !== 'assignments') return kind;
  const license = typeof data?.license === 'string' && data.license !== '' ? data.license : path.slice(path.lastIndexOf('/') + 1).replace(/\.yaml$/, '');
  return `${kind}:${license}`;
}

/** The events of one commit; `changes` are the commit's changes of the kinds read, `patch` its -U0 patch when read. */
export async function walkCommit(repoDir: string, sha: string, changes: readonly FileChange[], patch: CommitPatch | undefined, s: WalkState): Promise<CommitDrafts> {
  const sorted = [...changes].filter((c) => kindOf(c.path)).sort((a, b) => (a.path < b.path ? -1 : 1));
  const patched = new Map<string, ListFile>();
  for (const ch of sorted) {
    const kind = kindOf(ch.path)!;
    const fp = patch?.files.get(ch.path);
    if (!isListKind(kind) || !ch.before || !ch.after || !fp || fp.opaque || s.lastGood.get(ch.path) !== ch.before) continue;
    let lf = s.lists.get(ch.path);
    if (lf?.oid !== ch.before) {
      const obj = await s.reader.read(ch.before);
      lf = obj ? listFile(kind, ch.path, ch.before, obj.data) : undefined;
      if (lf) s.lists.set(ch.path, lf);
      else s.lists.delete(ch.path);
    }
    if (lf) patched.set(ch.path, lf);
  }
  const whole = sorted.filter((c) => !patched.has(c.path));
  await load(whole, s);
  let certain = await findLastGood(repoDir, sha, whole, s);
  // Files compared whole claim their namespaces first; a patched file sharing one is compared whole too.
  const claimed = new Map<string, number>();
  const claim = (ns: string) => claimed.set(ns, (claimed.get(ns) ?? 0) + 1);
  for (const ch of whole) {
    const kind = kindOf(ch.path)!;
    for (const oid of [ch.before, ch.after, s.lastGood.get(ch.path)]) if (oid) claim(namespace(kind, ch.path, s.store.get(kind, oid)));
  }
  for (const lf of patched.values()) claim(namespace(lf.kind, lf.path, lf.header));
  const results = new Map<string, Compared>();
  for (const [path, lf] of patched) {
    const applied = claimed.get(namespace(lf.kind, path, lf.header)) === 1 ? applyPatch(lf, patch!.files.get(path)!) : undefined;
    if (applied) results.set(path, { path, ...applied });
    else patched.delete(path);
  }
  const fallback = sorted.filter((c) => !patched.has(c.path) && !whole.includes(c));
  if (fallback.length) {
    await load(fallback, s);
    certain = (await findLastGood(repoDir, sha, fallback, s)) && certain;
  }
  const unreadable: string[] = [];
  for (const ch of sorted) {
    const kind = kindOf(ch.path)!;
    const lf = patched.get(ch.path);
    if (lf) {
      s.lastGood.set(ch.path, lf.oid);
      continue;
    }
    s.lists.delete(ch.path);
    if (ch.before && s.store.get(kind, ch.before)) s.lastGood.set(ch.path, ch.before);
    const afterData = ch.after ? s.store.get(kind, ch.after) : undefined;
    if (afterData === null) {
      // A version that does not parse says nothing about its records: report it, compare nothing.
      unreadable.push(ch.path);
      continue;
    }
    const beforeOid = s.lastGood.get(ch.path);
    const beforeData = beforeOid ? s.store.get(kind, beforeOid) : undefined;
    results.set(ch.path, {
      path: ch.path,
      ...(beforeData ? { before: recordMap(kind, ch.path, beforeData) } : {}),
      ...(afterData ? { after: recordMap(kind, ch.path, afterData) } : {}),
    });
    if (ch.after) s.lastGood.set(ch.path, ch.after);
    else s.lastGood.delete(ch.path);
  }
  return { drafts: commitDrafts(unreadable, sorted.flatMap((c) => results.get(c.path) ?? [])), certain };
}

async function load(changes: readonly FileChange[], s: WalkState): Promise<void> {
  const wanted: Wanted[] = [];
  for (const ch of changes) {
    const kind = kindOf(ch.path)!;
    for (const oid of [ch.before, ch.after, s.lastGood.get(ch.path)]) if (oid) wanted.push({ path: ch.path, kind, oid });
  }
  await s.store.load(wanted);
}

/**
 * A file whose version before a commit does not parse, and whose last good version lies before
 * the commits read (--since): look back along the first-parent line for the last version that parses.
 * False when the look-back gave up (50 commits, a git failure): the events may then differ from a full walk's.
 */
async function findLastGood(repoDir: string, sha: string, changes: readonly FileChange[], s: WalkState): Promise<boolean> {
  let complete = true;
  if (s.fromRoot) return true;
  for (const ch of changes) {
    const kind = kindOf(ch.path)!;
    if (!ch.before || s.lastGood.has(ch.path) || s.store.get(kind, ch.before) !== null) continue;
    const older = await gitText(repoDir, ['log', '--first-parent', '--no-show-signature', '--format=%H', '-n', '50', `${sha}^`, '--', ch.path]).catch(() => undefined);
    let found = false;
    const commits = (older ?? '').split('\n').filter(Boolean);
    for (const oid of await pathVersions(repoDir, commits, ch.path)) {
      if (!oid) {
        found = true; // deleted there: nothing older belongs to this version of the file
        break;
      }
      await s.store.load([{ path: ch.path, kind, oid }]);
      if (s.store.get(kind, oid) !== null) {
        s.lastGood.set(ch.path, oid);
        found = true;
        break;
      }
    }
    if (!found && (older === undefined || older.split('\n').filter(Boolean).length >= 50)) complete = false;
  }
  return complete;
}
