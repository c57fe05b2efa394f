import type { Account, License, People, Usage } from '../inventory/schema/index.ts';
import { addDays } from '../util/dates.ts';
import type { SynthSeats } from './assignments.ts';
import type { Random } from './random.ts';

type Person = People['people'][number];

/**
 * Usage snapshots, as `lac pull` writes them, of the licenses that have a usage source: `total`
 * accounts in all. As a real pull gives, a snapshot has an account for each seat holder (most
 * active lately, some idle, a few never): licenses are covered in turn until `total` runs out
 * (the last one covered in part, later ones not pulled); accounts beyond every holder are vendor
 * accounts that match no one (guests, contractors), split by the licenses' holders.
 */
export function makeUsage(rng: Random, licenses: readonly License[], seats: readonly SynthSeats[], directory: readonly Person[], total: number, today: string): Usage[] {
  const pulled = licenses.filter((l) => l.usage?.source && l.usage.source !== 'none');
  if (total <= 0 || pulled.length === 0) return [];
  const seatsOf = new Map(seats.map((s) => [s.license, s.seats]));
  const people = new Map(directory.map((p) => [p.id, p]));
  const holdersOf = pulled.map((l) => (seatsOf.get(l.id) ?? []).filter((s) => s.person !== undefined && people.has(s.person)));
  let left = total;
  const covered = holdersOf.map((h) => {
    const n = Math.min(h.length, left);
    left -= n;
    return n;
  });
  const extra = split(left, holdersOf.map((h) => Math.max(1, h.length)));
  return pulled.flatMap((l, i) => {
    const holders = holdersOf[i]!;
    const accounts = pickSome(rng, holders.length, covered[i]!).map((h) => holderAccount(rng, l, holders[h]!.tier, people.get(holders[h]!.person!)!, today));
    for (let k = 0; k < extra[i]!; k++) accounts.push(outsideAccount(rng, l, k, today));
    return accounts.length ? [{ license: l.id, source: l.usage!.source, taken: `${today}T06:00:00Z`, accounts }] : [];
  });
}

/** `total` split in proportion to `weights`, exactly (largest remainders, earlier first on a tie). */
function split(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0, left = total - out.reduce((a, x) => a + x, 0); k < left; k++) out[order[k]![1]]! += 1;
  return out;
}

/** `n` distinct indices below `size` (all of them when n >= size), in ascending order. */
function pickSome(rng: Random, size: number, n: number): number[] {
  const idx = Int32Array.from({ length: size }, (_, i) => i);
  const k = Math.min(n, size);
  for (let i = 0; i < k; i++) {
    const j = rng.int(i, size - 1);
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return [...idx.subarray(0, k)].sort((a, b) => a - b);
}

/** Most accounts were active in the last month; some idle past the usual 90-day reclaim window; a few never. */
function lastActive(rng: Random, until: string): string | null {
  const r = rng.next();
  if (r < 0.04) return null;
  if (r < 0.8) return addDays(until, -rng.int(0, 30));
  if (r < 0.9) return addDays(until, -rng.int(31, 90));
  return addDays(until, -rng.int(91, 400));
}

function holderAccount(rng: Random, l: License, tier: string, p: Person, today: string): Account {
  // A leaver's account is often still there at the vendor: the case reclaim and offboarding look for.
  const left = p.status === 'leaver' && p.end !== undefined && p.end < today;
  const a: Account = { account: p.email ?? p.id, person: p.id, ...(p.email ? { email: p.email } : {}), name: p.name, tier, status: left && rng.chance(0.5) ? 'deactivated' : 'active', last_active: lastActive(rng, left ? p.end! : today) };
  const rule = l.tiers.find((t) => t.id === tier)?.rightsize?.when_signals_at_most;
  if (rule) a.signals = Object.fromEntries(Object.keys(rule).sort().map((s) => [s, rng.chance(0.3) ? 0 : rng.int(1, 300)]));
  return a;
}

function outsideAccount(rng: Random, l: License, k: number, today: string): Account {
  const guest = l.tiers.some((t) => t.id === 'guest');
  const email = `ext${k}.${l.id}@partner.example`;
  return { account: email, email, name: `External ${k}`, tier: l.tiers[l.tiers.length - 1]!.id, status: guest ? 'guest' : 'active', last_active: lastActive(rng, today) };
}
