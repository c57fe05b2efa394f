import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/fs/atomic-write.ts';
import type { LookedUp } from './review-record.ts';
import { isRecord } from '../util/is-record.ts';

// Raw answers of the GitHub API, not lac's reading of them: valid across lac versions. Bump when
// the shape of an entry changes.
const FORMAT = 'lac-review/v1';

interface Entry extends LookedUp {
  format: string;
  commit: string;
}

const str = (v: unknown): v is string => typeof v === 'string';
const strOrNull = (v: unknown) => v === null || str(v);

function isPull(v: unknown): boolean {
  return v === null || (isRecord(v) && str(v.title) && strOrNull(v.author) && strOrNull(v.mergedBy) && typeof v.merged === 'boolean');
}

/**
 * The cached answers for `sha`, or undefined (a miss) for anything that is not this format's entry
 * for this commit: the folder may hold anything, and none of it may change the audit trail.
 */
export function reviewEntry(value: unknown, sha: string): LookedUp | undefined {
  if (!isRecord(value) || value.format !== FORMAT || value.commit !== sha) return undefined;
  const { pr, pull, reviews, verification } = value;
  if (!(pr === null || (Number.isSafeInteger(pr) && (pr as number) > 0)) || !isPull(pull)) return undefined;
  if (!Array.isArray(reviews) || !reviews.every((r) => isRecord(r) && strOrNull(r.login) && str(r.state))) return undefined;
  if (!(verification === null || (isRecord(verification) && typeof verification.verified === 'boolean' && str(verification.reason)))) return undefined;
  return {
    pr: pr as number | null,
    pull: pull === null ? null : (({ title, author, mergedBy, merged }) => ({ title, author, mergedBy, merged }))(pull as never),
    reviews: (reviews as { login: string | null; state: string }[]).map((r) => ({ login: r.login, state: r.state })),
    verification: verification === null ? null : { verified: (verification as { verified: boolean }).verified, reason: (verification as { reason: string }).reason },
  };
}

/** Review records by commit under .git/lac-cache/reviews/ (a commit id names its content, so an entry never goes stale). */
export function reviewCache(cacheDir: string | undefined) {
  const fileOf = (sha: string) => join(cacheDir!, 'reviews', 'v1', sha.slice(0, 2), `${sha.slice(2)}.json`);
  // Without the folder there is nothing to read: one check instead of a failed open per commit.
  let present: Promise<boolean> | undefined;
  return {
    async read(sha: string): Promise<LookedUp | undefined> {
      if (!cacheDir || !/^[0-9a-f]{40,64}$/.test(sha)) return undefined;
      present ??= access(join(cacheDir, 'reviews', 'v1')).then(() => true, () => false);
      if (!(await present)) return undefined;
      try {
        return reviewEntry(JSON.parse(await readFile(fileOf(sha), 'utf8')), sha);
      } catch {
        return undefined; // absent, torn or not JSON: a miss
      }
    },
    async write(sha: string, looked: LookedUp): Promise<void> {
      if (!cacheDir || !/^[0-9a-f]{40,64}$/.test(sha)) return;
      const entry: Entry = { format: FORMAT, commit: sha, ...looked };
      // A read-only .git only loses the cache.
      await writeFileAtomic(fileOf(sha), `${JSON.stringify(entry)}\n`, { durable: false, clean: false }).catch(() => {});
    },
  };
}
