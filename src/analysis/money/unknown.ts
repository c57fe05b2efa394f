// A sum is only as known as its parts (issue 11, "Bad input"): a part that cannot be computed
// (no price, no exchange rate) adds nothing to the amount and is named instead, so a row reads
// "0.00 + unknown" or "unknown", never a plain 0.
import type { Micros } from '../../util/money.ts';

/** Why part of a sum cannot be computed (`whole`: no part of it is known). */
export interface UnknownPart {
  reasons: string[];
  whole: boolean;
}

/** A sum of allocated shares, some of them unknown: the known shares add up exactly, the unknown ones are named. */
export class PartialSum {
  value: Micros = 0n;
  private readonly reasons = new Set<string>();
  private known = false;

  /** Adds a known share (`reason` null), or the reason a share is unknown (its amount, 0, adds nothing). */
  add(value: Micros, reason: string | null): this {
    return this.addPart(value, reason === null ? undefined : { reasons: [reason], whole: true });
  }

  /** Adds another sum's amount and its unknown part. */
  addPart(value: Micros, part: UnknownPart | undefined): this {
    this.value += value;
    if (!part || !part.whole) this.known = true;
    for (const r of part?.reasons ?? []) this.reasons.add(r);
    return this;
  }

  /** Why part of the sum is unknown; undefined when every part is known. */
  unknown(): UnknownPart | undefined {
    return this.reasons.size ? { reasons: [...this.reasons].sort(), whole: !this.known } : undefined;
  }
}

/** Sums keyed by a name, in key order. */
export function partialSums(): { at(key: string): PartialSum; entries(): Array<[string, PartialSum]> } {
  const m = new Map<string, PartialSum>();
  return {
    at(key) {
      let s = m.get(key);
      if (!s) m.set(key, (s = new PartialSum()));
      return s;
    },
    entries: () => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  };
}
