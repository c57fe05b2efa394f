import type { FileChange } from './commits.ts';
import { commitDrafts, type Compared } from './drafts.ts';
import type { Draft } from './events.ts';
import { isListKind, listFile, planPatch, type ListFile, type PlannedPatch } from './list-file.ts';
import type { CommitPatch } from './patch.ts';
import { walkBatched } from './walk-batched.ts';
import { compareWhole, findLastGood, kindOf, listNamespace, load, namespacesOf, type WalkState } from './walk-files.ts';

export { kindOf, type WalkState } from './walk-files.ts';

/** A commit's events, and whether they are what a walk from the first commit gives (then they may be cached). */
export interface CommitDrafts {
  drafts: Draft[];
  certain: boolean;
  /** Compared a few files at a time (walk-batched.ts). */
  batched?: true;
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
  // A large commit (an initial import) is compared a few files at a time, when no two of its files share a record.
  if (whole.length > s.batch) {
    const batched = await walkBatched(repoDir, sha, sorted, patched, patch, s);
    if (batched) return batched;
  }
  await load(whole, s);
  let certain = await findLastGood(repoDir, sha, whole, s);
  // Files compared whole claim their namespaces first; a patched file sharing one is compared whole too.
  const claimed = new Map<string, number>();
  const claim = (ns: string) => claimed.set(ns, (claimed.get(ns) ?? 0) + 1);
  for (const ch of whole) for (const ns of namespacesOf(ch, s)) claim(ns);
  for (const lf of patched.values()) claim(listNamespace(lf));
  // Planned, not yet applied: a file whose patch does not apply is compared whole, and so is a followed file whose
  // namespace that file's new version takes (a header changed to name another file's license).
  const plans = new Map<string, PlannedPatch>();
  for (const [path, lf] of patched) {
    const plan = claimed.get(listNamespace(lf)) === 1 ? planPatch(lf, patch!.files.get(path)!) : undefined;
    if (plan) plans.set(path, plan);
  }
  const fallback = sorted.filter((c) => patched.has(c.path) && !plans.has(c.path));
  if (fallback.length) {
    await load(fallback, s);
    certain = (await findLastGood(repoDir, sha, fallback, s)) && certain;
    const taken = new Set(fallback.flatMap((ch) => namespacesOf(ch, s)));
    const reached = sorted.filter((c) => plans.has(c.path) && taken.has(listNamespace(patched.get(c.path)!)));
    for (const ch of reached) plans.delete(ch.path);
    await load(reached, s);
  }
  const results = new Map<string, Compared>();
  for (const [path, plan] of plans) {
    plan.apply();
    results.set(path, { path, removed: plan.removed, added: plan.added });
  }
  const unreadable: string[] = [];
  for (const ch of sorted) {
    const lf = plans.has(ch.path) ? patched.get(ch.path) : undefined;
    if (lf) {
      s.lastGood.set(ch.path, lf.oid);
      continue;
    }
    const compared = compareWhole(ch, s);
    if (compared === 'unreadable') unreadable.push(ch.path);
    else results.set(ch.path, compared);
  }
  return { drafts: commitDrafts(unreadable, sorted.flatMap((c) => results.get(c.path) ?? [])), certain };
}
