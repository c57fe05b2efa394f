import type { SynthLicense } from './licenses.ts';
import type { Random } from './random.ts';

/** How many seats each license may hold: named tools never reach everyone; devices may outnumber people. */
export function capacity(l: SynthLicense, pool: number): number {
  if (l.core) return pool;
  return Math.floor(pool * (l.license.type === 'device' ? 1.5 : 0.8));
}

/**
 * Seats per license: company-wide licenses reach 85-97% of the pool; the rest of the target is
 * spread over the long tail by a Zipf law (a few big tools, many small ones), each capped at its
 * capacity. Tiny orgs get at most half of what all licenses could hold, so the tail stays skewed.
 */
export function allocateSeats(rng: Random, licenses: SynthLicense[], pool: number, target: number): number[] {
  const caps = licenses.map((l) => capacity(l, pool));
  const total = Math.min(target, Math.floor(caps.reduce((a, b) => a + b, 0) / 2));
  const counts = licenses.map((l, i) => (l.core ? Math.min(caps[i]!, Math.round(pool * (0.85 + 0.12 * rng.next()))) : 0));
  let rest = Math.max(0, total - counts.reduce((a, b) => a + b, 0));
  const tail = licenses.map((_, i) => i).filter((i) => !licenses[i]!.core);
  // Zipf ranks in a random order, so that size does not follow the catalogue order.
  const order = tail.map((i) => ({ i, r: rng.next() })).sort((a, b) => a.r - b.r).map((x) => x.i);
  const weight = new Map(order.map((i, rank) => [i, 1 / (rank + 1) ** 1.1]));
  let open = [...order];
  while (rest > 0 && open.length > 0) {
    const sum = open.reduce((a, i) => a + weight.get(i)!, 0);
    const full = open.filter((i) => (rest * weight.get(i)!) / sum >= caps[i]! - counts[i]!);
    if (full.length === 0) {
      let given = 0;
      for (const i of open) {
        const n = Math.floor((rest * weight.get(i)!) / sum);
        counts[i]! += n;
        given += n;
      }
      // Rounding leftovers go to the biggest tail licenses that still have room.
      for (let k = 0; given < rest && k < open.length * 2; k++) {
        const i = open[k % open.length]!;
        if (counts[i]! < caps[i]!) {
          counts[i]!++;
          given++;
        }
      }
      rest -= given;
      break;
    }
    for (const i of full) {
      rest -= caps[i]! - counts[i]!;
      counts[i] = caps[i]!;
    }
    const filled = new Set(full);
    open = open.filter((i) => !filled.has(i));
  }
  return counts;
}
