// Two versions of a seat list walked side by side: which holders' seats they do not share. A line a
// change did not touch holds the very same record on both sides (pair.ts), so the walk mostly compares
// pointers; holders.ts finds the seats a change can judge differently with it, rule-scope.ts the
// holders of two seats of the head version from those of the base.

type Obj = Record<string, unknown>;

export const named = (v: unknown): v is string => typeof v === 'string' && v !== '';

/** Who holds a seat as written: the person, else the device, else '' (as `lac history` keys seat records). */
export const holderKey = (seat: { person?: unknown; device?: unknown }): string => (named(seat.person) ? `p:${seat.person}` : named(seat.device) ? `d:${seat.device}` : '');

/** Two seats as written: the same keys and values (nested values compared as JSON). */
export function sameSeat(a: Obj, b: Obj): boolean {
  // A line the head did not change holds the base's very record (pair.ts).
  if (a === b) return true;
  if (a.person !== b.person || a.device !== b.device || a.tier !== b.tier || a.since !== b.since) return false;
  let n = 0;
  for (const k in a) {
    n++;
    if (!(k in b) || (a[k] !== b[k] && (typeof a[k] !== 'object' || JSON.stringify(a[k]) !== JSON.stringify(b[k])))) return false;
  }
  for (const _ in b) n--;
  return n === 0;
}

const WINDOW = 16;

/**
 * The seats the two lists do not share, walking both in order and resynchronising within a few lines
 * (a pull request edits lines here and there): a superset of the seats that differ, from both lists.
 * Undefined when the lists drift too far apart to resynchronise.
 */
export function unmatchedSeats(a: readonly Obj[], b: readonly Obj[]): Obj[] | undefined {
  const out: Obj[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (sameSeat(a[i]!, b[j]!)) {
      i++;
      j++;
      continue;
    }
    let k = 1;
    for (; k <= WINDOW; k++) {
      if (i + k < a.length && sameSeat(a[i + k]!, b[j]!)) {
        for (let x = i; x < i + k; x++) out.push(a[x]!);
        i += k;
        break;
      }
      if (j + k < b.length && sameSeat(a[i]!, b[j + k]!)) {
        for (let x = j; x < j + k; x++) out.push(b[x]!);
        j += k;
        break;
      }
    }
    if (k > WINDOW) {
      // Neither seat is found near the other: both changed (a tier edit, a replaced line).
      out.push(a[i++]!, b[j++]!);
      if (i + WINDOW < a.length && out.length > a.length / 4) return undefined;
    }
  }
  for (; i < a.length; i++) out.push(a[i]!);
  for (; j < b.length; j++) out.push(b[j]!);
  return out;
}

/** Holders (`holderKey`) of unmatchedSeats: a superset of the holders whose seats differ. */
export function unmatchedHolders(a: readonly Obj[], b: readonly Obj[]): Set<string> | undefined {
  const seats = unmatchedSeats(a, b);
  return seats && new Set(seats.map(holderKey));
}
