import { recordEvents, type Draft } from '../history/events.ts';
import { same } from '../history/diff.ts';
import type { Rec } from '../history/records.ts';

/** The semantic events that turn one tree's records into another's, in a stable order. */
export function compareRecords(before: Map<string, Rec>, after: Map<string, Rec>): Draft[] {
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  const out: Draft[] = [];
  for (const key of keys) {
    const a = before.get(key);
    const b = after.get(key);
    if (a && b && same(a.data, b.data)) continue;
    out.push(...recordEvents(a, b));
  }
  return out;
}
