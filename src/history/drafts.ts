import { same } from './diff.ts';
import { recordEvents, type Draft } from './events.ts';
import type { Touched } from './list-file.ts';
import type { Rec, RecordMap } from './records.ts';

/** One changed file of a commit, compared whole (both versions' records) or by its patch (the records it touched). */
export type Compared =
  | { path: string; before?: RecordMap; after?: RecordMap }
  | { path: string; removed: Touched[]; added: Touched[] };

/**
 * The events of one commit. Unreadable files first, then file by file (sorted paths), each in the
 * order of the records in its file; a record in two files (a file renamed in this commit) is
 * compared once, the first file's version winning. A file compared by its patch shares no record
 * key with the other files of the commit (the caller makes sure), so its records need no lookup there.
 */
export function commitDrafts(unreadable: readonly string[], files: readonly Compared[]): Draft[] {
  const drafts: Draft[] = unreadable.map((file) => ({ type: 'file.unreadable', details: {}, file }));
  const whole = files.filter((f): f is Extract<Compared, { before?: RecordMap }> => !('removed' in f));
  // The first file's version of each key, merged once: a lookup per key, not a scan of every file.
  const befores = firstWins(whole.map((f) => f.before));
  const afters = firstWins(whole.map((f) => f.after));
  const seen = files.length > 1 ? new Set<string>() : undefined;
  for (const f of files) {
    if ('removed' in f) {
      drafts.push(...patchDrafts(f.removed, f.added));
      continue;
    }
    const { before, after } = f;
    for (const map of [before, after]) {
      if (!map) continue;
      for (const key of map.keys()) {
        if (seen) {
          if (seen.has(key)) continue;
          seen.add(key);
        } else if (map === after && before?.has(key)) continue;
        const b = befores.get(key);
        const a = afters.get(key);
        if (b && a && same(b.data, a.data)) continue;
        drafts.push(...recordEvents(b, a));
      }
    }
  }
  return drafts;
}

function firstWins(maps: (RecordMap | undefined)[]): Map<string, Rec> {
  const present = maps.filter((m): m is RecordMap => m !== undefined);
  if (present.length === 1) return present[0]!;
  const out = new Map<string, Rec>();
  for (const m of present) for (const [k, r] of m) if (!out.has(k)) out.set(k, r);
  return out;
}

/** A patched file's events: the records it removed (in the old order), then those only added (in the new order). */
function patchDrafts(removed: Touched[], added: Touched[]): Draft[] {
  const out: Draft[] = [];
  const addedBy = new Map(added.map((t) => [t.key, t]));
  const removedKeys = new Set(removed.map((t) => t.key));
  for (const t of removed) {
    const a = addedBy.get(t.key);
    if (a && same(t.rec.data, a.rec.data)) continue;
    out.push(...recordEvents(t.rec, a?.rec));
  }
  for (const t of added) if (!removedKeys.has(t.key)) out.push(...recordEvents(undefined, t.rec));
  return out;
}
