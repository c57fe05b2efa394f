import type { Inventory } from '../inventory/model.ts';
import { classify } from '../inventory/layout.ts';
import type { Parsed, PairReader, TreePair } from './pair.ts';
import { repeated } from './rule-scope.ts';
import { holderKey, sameSeat, unmatchedHolders } from './seat-match.ts';

type Obj = Record<string, unknown>;

const isObj = (s: unknown) => s !== null && typeof s === 'object';

/** The seats of a version as objects; the list itself when all are (no copy of 85,000 entries). */
const seatsOf = (parsed: Parsed | undefined): Obj[] => {
  const seats = parsed?.file?.data.seats;
  if (!Array.isArray(seats)) return [];
  return seats.every(isObj) ? (seats as Obj[]) : seats.map((s) => (isObj(s) ? s : { value: s }) as Obj);
};

/** The seats of an assignments file version by holder, as written (valid or not). */
function seatsByHolder(parsed: Parsed | undefined): Map<string, Obj[]> {
  const out = new Map<string, Obj[]>();
  for (const s of seatsOf(parsed)) {
    const key = holderKey(s);
    const list = out.get(key);
    if (list) list.push(s);
    else out.set(key, [s]);
  }
  return out;
}

/** Holders (seat-match.ts `holderKey`) whose seat lines differ between two versions of an assignments file (or a superset). */
function changedHolders(base: Parsed | undefined, head: Parsed | undefined): Iterable<string> {
  // The seats of a file are keyed by the license it names: where that changed, every seat moved.
  if (base?.file && head?.file && base.file.data.license !== head.file.data.license) return new Set([...seatsOf(base), ...seatsOf(head)].map(holderKey));
  const fast = unmatchedHolders(seatsOf(base), seatsOf(head));
  if (fast) return fast;
  const a = seatsByHolder(base);
  const b = seatsByHolder(head);
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => {
    const x = a.get(k) ?? [];
    const y = b.get(k) ?? [];
    return x.length !== y.length || x.some((s, i) => !sameSeat(s, y[i]!));
  });
}

/** Holders whose seats differ in any changed assignments file: the seats a change can judge differently. */
export async function changedSeatHolders(pair: TreePair, reader: PairReader): Promise<Set<string>> {
  const [basePaths, headPaths] = await Promise.all([pair.base.list(), pair.head.list()]);
  const out = new Set<string>();
  for (const path of pair.changed) {
    const at = classify(path);
    if (!at.ok || at.kind !== 'assignments') continue;
    const [a, b] = await Promise.all([basePaths.includes(path) ? reader.read('base', path) : undefined, headPaths.includes(path) ? reader.read('head', path) : undefined]);
    for (const h of changedHolders(a, b)) out.add(h);
  }
  return out;
}

/**
 * The people the focused rules look up: the holders of interest, every holder of a license whose
 * seats are all judged anew, and whoever holds two seats of one license (duplicate-assignment names them).
 */
export function wantedPeople(inventories: Inventory[], narrow: ReadonlySet<string>, holders: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const h of holders) if (h.startsWith('p:')) out.add(h.slice(2));
  for (const inv of inventories) {
    for (const [id, list] of inv.assignments) {
      if (narrow.has(id)) for (const p of repeated(list).people) out.add(p);
      else for (const seat of list.seats) if (seat.person !== undefined) out.add(seat.person);
    }
  }
  return out;
}
