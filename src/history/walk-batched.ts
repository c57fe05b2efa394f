// A commit of many files compared whole (a repository's initial import: 3,700 files and a million seats at
// 100,000 people) compared a few files at a time. Comparing the commit at once held every file's parsed
// records, their maps and a map of all of them, beside the events: at 100,000 people the first site build
// peaked over 2 GB (issue 16). Files at a time give the same events when no record can be in two files.
import type { FileChange } from './commits.ts';
import { commitDrafts } from './drafts.ts';
import type { Draft } from './events.ts';
import { planPatch, type ListFile } from './list-file.ts';
import type { CommitPatch } from './patch.ts';
import { recordMap } from './records.ts';
import type { CommitDrafts } from './walk.ts';
import { compareWhole, findLastGood, kindOf, listNamespace, load, namespace, versionsOf, type WalkState } from './walk-files.ts';
import type { Kind } from '../inventory/schema/index.ts';

/**
 * What a file's version may share with another file's: the license of an assignments file (its seats' keys begin
 * with it), the file's kind for people.yaml and org.yaml (one path each), else its records' keys (one a file).
 */
function claimsOf(kind: Kind, path: string, data: Record<string, unknown> | null): Iterable<string> {
  if (!data) return [];
  if (kind === 'assignments') return [namespace(kind, path, data)];
  if (kind === 'people' || kind === 'org') return [kind];
  return recordMap(kind, path, data).keys();
}

/**
 * The events of a commit, its files compared whole `s.batch` at a time and each file's events made from its own
 * records (commitDrafts of one file), then put in the order commitDrafts gives for the whole commit. Undefined,
 * with the walk's state as it was, when two files of the commit can hold the same record (a file renamed or
 * copied beside itself, an ID in two files): commitDrafts then compares them together (walk.ts).
 */
export async function walkBatched(repoDir: string, sha: string, sorted: readonly FileChange[], patched: Map<string, ListFile>, patch: CommitPatch | undefined, s: WalkState): Promise<CommitDrafts | undefined> {
  const saved = sorted.map((c) => ({ path: c.path, good: s.lastGood.get(c.path), list: s.lists.get(c.path) }));
  const restore = () => {
    for (const { path, good, list } of saved) {
      if (good === undefined) s.lastGood.delete(path);
      else s.lastGood.set(path, good);
      if (list) s.lists.set(path, list);
      else s.lists.delete(path);
    }
    return undefined;
  };
  const owner = new Map<string, string>();
  const spaces = new Set<string>();
  const byPath = new Map<string, Draft[]>();
  const unreadable: string[] = [];
  let certain = true;
  /** Compares files whole, each on its own; false when one can share a record with another file. */
  const compare = async (files: readonly FileChange[]): Promise<boolean> => {
    await load(files, s);
    certain = (await findLastGood(repoDir, sha, files, s)) && certain;
    // The look-back may have pushed some of these versions out of the store's budget.
    if (!s.fromRoot) await load(files, s);
    for (const ch of files) {
      const kind = kindOf(ch.path)!;
      for (const oid of versionsOf(ch, s)) {
        const data = s.store.get(kind, oid);
        spaces.add(namespace(kind, ch.path, data));
        for (const c of claimsOf(kind, ch.path, data)) {
          if ((owner.get(c) ?? ch.path) !== ch.path) return false;
          owner.set(c, ch.path);
        }
      }
      const compared = compareWhole(ch, s);
      if (compared === 'unreadable') unreadable.push(ch.path);
      else byPath.set(ch.path, commitDrafts([], [compared]));
    }
    return true;
  };
  const whole = sorted.filter((c) => !patched.has(c.path));
  for (let i = 0; i < whole.length; i += s.batch) if (!(await compare(whole.slice(i, i + s.batch)))) return restore();
  // A followed file whose namespace a file compared whole (or another followed file) has: all compared together.
  for (const lf of patched.values()) {
    const ns = listNamespace(lf);
    if (spaces.has(ns)) return restore();
    spaces.add(ns);
    owner.set(ns, lf.path); // its claim (claimsOf of a people or assignments file is its namespace)
  }
  // Planned before any is applied: a patch that does not apply has its file compared whole, and should that
  // file's new version share a record with another file, the walk's state is still as it was.
  const planned = [...patched].map(([path, lf]) => ({ path, lf, plan: planPatch(lf, patch!.files.get(path)!) }));
  const unplanned = new Set(planned.filter((p) => !p.plan).map((p) => p.path));
  const unpatched = sorted.filter((c) => unplanned.has(c.path));
  if (unpatched.length && !(await compare(unpatched))) return restore();
  for (const { path, lf, plan } of planned) {
    if (!plan) continue;
    plan.apply();
    byPath.set(path, commitDrafts([], [{ path, removed: plan.removed, added: plan.added }]));
    s.lastGood.set(path, lf.oid);
  }
  return { drafts: [...commitDrafts(unreadable.sort(), []), ...sorted.flatMap((c) => byPath.get(c.path) ?? [])], certain, batched: true };
}
