// The site's point-in-time views (./snapshots.ts) by commit and day under .git/lac-cache/site/<version>/snapshots/:
// a day's figures come from one commit's files, so they never change once computed. At 100,000 people with a year
// of history the twelve views took 40 s of every build, each a million seats counted again (issue 16).
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../util/fs/atomic-write.ts';
import type { LicenseFigures, SeatRow, Snapshot, TierFigures } from './types.ts';
import { isRecord } from '../../util/is-record.ts';
import { COMMIT_ID } from '../../util/commit-id.ts';

// Bump when the figures computed for the same commit and day change (lac's version is part of the key too).
const FORMAT = 'lac-site-snapshots/v1';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A snapshot as cached: its kind is the caller's (the same day can be a month end and a fiscal year end). */
export type CachedSnapshot = Omit<Snapshot, 'kind'>;

type Check = (v: unknown) => boolean;
const str: Check = (v) => typeof v === 'string';
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const bool: Check = (v) => typeof v === 'boolean';
const orNull = (c: Check): Check => (v) => v === null || c(v);
const listOf = (c: Check): Check => (v) => Array.isArray(v) && v.every(c);
/** An object with these fields of these types (an optional one may be absent), and no others. */
const shape = <T>(fields: Record<keyof T & string, Check>, optional: readonly string[] = []): Check => (v) =>
  isRecord(v) && Object.keys(v).every((k) => k in fields) && Object.entries(fields).every(([k, c]) => (k in v ? (c as Check)(v[k]) : optional.includes(k)));

const tier = shape<TierFigures>({
  id: str, name: str, entitled: (v) => v === 'unlimited' || orNull(num)(v), assigned: num, active: orNull(num), inactive: num, unknown: num,
  unknownReason: orNull(str), cancelling: num, unassigned: orNull(num), utilization: orNull(num), annualCost: str, costUnknown: orNull(str),
  costPerActive: orNull(str), waste: str,
});
const license = shape<LicenseFigures>({
  id: str, name: str, vendor: str, type: str, owner: orNull(str), retired: orNull(str), tiers: listOf(tier), entitled: orNull(num),
  countedAssigned: num, unlimited: bool, assigned: num, active: orNull(num), inactive: num, unknown: num, unknownReason: orNull(str),
  cancelling: num, costUnknown: orNull(str), annualCostUnknown: orNull(shape({ reason: str, whole: bool })), assignedShare: orNull(num),
  annualCost: str, waste: str, usageTaken: orNull(str), usageFile: orNull(str),
  sources: listOf(shape({ tier: str, figure: str, file: str, line: orNull(num), what: str })),
}, ['usageFile']);
const seat = shape<SeatRow>({
  license: str, tier: str, person: orNull(str), device: orNull(str), since: str, state: str, use: str,
  leaver: (v) => v === null || v === 'left' || v === 'leaving', lastActive: orNull(str), file: str, line: num,
});
const snapshot = shape<CachedSnapshot>({
  date: str, commit: str, commitDate: str, licenses: listOf(license), contracts: listOf(str), seats: listOf(seat), seatCount: num, annualCost: str,
});

/**
 * The snapshots of a cache file when it is this format's file by this lac version for this commit; anything else
 * (torn, hand-edited, another commit's figures under this name) is a miss: the folder may hold anything, and none of
 * it may change what the site shows.
 */
export function cachedSnapshots(value: unknown, version: string, commit: string): Map<string, CachedSnapshot> {
  const out = new Map<string, CachedSnapshot>();
  if (!isRecord(value) || value.format !== FORMAT || value.lac !== version || value.commit !== commit || !isRecord(value.days)) return out;
  for (const [day, s] of Object.entries(value.days)) {
    if (DAY.test(day) && snapshot(s) && (s as CachedSnapshot).date === day && (s as CachedSnapshot).commit === commit) out.set(day, s as CachedSnapshot);
  }
  return out;
}

export interface SnapshotCache {
  /** The days cached for a commit. */
  read(commit: string): Promise<Map<string, CachedSnapshot>>;
  /** Caches a commit's days (those read before and the new ones). */
  write(commit: string, days: ReadonlyMap<string, CachedSnapshot>): Promise<void>;
  /** Removes the files of commits no view is read from any more (the views move on a month at a time). */
  keepOnly(commits: ReadonlySet<string>): Promise<void>;
}

/** Snapshots by commit, one file per commit holding its days; no cacheDir: nothing is read or kept. */
export function snapshotCache(cacheDir: string | undefined, version: string): SnapshotCache {
  const dir = cacheDir && join(cacheDir, 'site', encodeURIComponent(version), 'snapshots');
  return {
    async read(commit) {
      if (!dir || !COMMIT_ID.test(commit)) return new Map();
      try {
        return cachedSnapshots(JSON.parse(await readFile(join(dir, `${commit}.json`), 'utf8')), version, commit);
      } catch {
        return new Map(); // absent, torn or not JSON: a miss
      }
    },
    async write(commit, days) {
      if (!dir || !COMMIT_ID.test(commit) || days.size === 0) return;
      const text = `${JSON.stringify({ format: FORMAT, lac: version, commit, days: Object.fromEntries([...days].sort(([a], [b]) => (a < b ? -1 : 1))) })}\n`;
      // Not fsynced: a file lost to a power cut is only computed again. A read-only .git only loses the cache.
      await writeFileAtomic(join(dir, `${commit}.json`), text, { durable: false, clean: false }).catch(() => {});
    },
    async keepOnly(commits) {
      if (!dir) return;
      const names = await readdir(dir).catch(() => [] as string[]);
      for (const name of names) {
        const commit = name.endsWith('.json') ? name.slice(0, -5) : '';
        if (COMMIT_ID.test(commit) && !commits.has(commit)) await rm(join(dir, name), { force: true }).catch(() => {});
      }
    },
  };
}
