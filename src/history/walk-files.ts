// The changed files of one commit of a history walk: their versions loaded, the last version of a
// file that parsed, and one file's versions compared whole.
import { classify } from '../inventory/layout.ts';
import type { Kind } from '../inventory/schema/index.ts';
import type { BlobStore, Wanted } from './blobs.ts';
import type { FileChange } from './commits.ts';
import type { Compared } from './drafts.ts';
import { gitText, pathVersions, type ObjectReader } from './git.ts';
import type { ListFile } from './list-file.ts';
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
  /** A commit with more files compared whole than this compares them this many at a time (walk-batched.ts). */
  batch: number;
}

export function kindOf(path: string): Kind | undefined {
  const placement = classify(path);
  return placement.ok ? placement.kind : undefined;
}

/** Namespace of a file's record keys: two files of a commit with the same one may hold the same record. */
export function namespace(kind: Kind, path: string, data: Record<string, unknown> | null | undefined): string {
  if (kind !== 'assignments') return kind;
  const license = typeof data?.license === 'string' && data.license !== '' ? data.license : path.slice(path.lastIndexOf('/') + 1).replace(/\.yaml$/, '');
  return `${kind}:${license}`;
}

/** A followed file's namespace, from its header. */
export const listNamespace = (lf: ListFile): string => namespace(lf.kind, lf.path, lf.header);

/** The versions a comparison of a changed file needs: before, after and its last good version. */
export const versionsOf = (ch: FileChange, s: WalkState): string[] => [ch.before, ch.after, s.lastGood.get(ch.path)].filter((oid): oid is string => !!oid);

/** The namespaces of a changed file's versions (loaded). */
export const namespacesOf = (ch: FileChange, s: WalkState): string[] => versionsOf(ch, s).map((oid) => namespace(kindOf(ch.path)!, ch.path, s.store.get(kindOf(ch.path)!, oid)));

/** Makes every version a comparison of these files needs available in the store. */
export async function load(changes: readonly FileChange[], s: WalkState): Promise<void> {
  const wanted: Wanted[] = changes.flatMap((ch) => versionsOf(ch, s).map((oid) => ({ path: ch.path, kind: kindOf(ch.path)!, oid })));
  await s.store.load(wanted);
}

/**
 * One file's versions compared whole: the last good version before the commit against the new one.
 * Moves the file's last good version on; 'unreadable' when the new version does not parse (it then says
 * nothing about its records: reported, nothing compared).
 */
export function compareWhole(ch: FileChange, s: WalkState): Compared | 'unreadable' {
  const kind = kindOf(ch.path)!;
  s.lists.delete(ch.path);
  if (ch.before && s.store.get(kind, ch.before)) s.lastGood.set(ch.path, ch.before);
  const afterData = ch.after ? s.store.get(kind, ch.after) : undefined;
  if (afterData === null) return 'unreadable';
  const beforeOid = s.lastGood.get(ch.path);
  const beforeData = beforeOid ? s.store.get(kind, beforeOid) : undefined;
  const compared: Compared = {
    path: ch.path,
    ...(beforeData ? { before: recordMap(kind, ch.path, beforeData) } : {}),
    ...(afterData ? { after: recordMap(kind, ch.path, afterData) } : {}),
  };
  if (ch.after) s.lastGood.set(ch.path, ch.after);
  else s.lastGood.delete(ch.path);
  return compared;
}

/**
 * A file whose version before a commit does not parse, and whose last good version lies before
 * the commits read (--since): look back along the first-parent line for the last version that parses.
 * False when the look-back gave up (50 commits, a git failure): the events may then differ from a full walk's.
 */
export async function findLastGood(repoDir: string, sha: string, changes: readonly FileChange[], s: WalkState): Promise<boolean> {
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
