import { createGitHubClient } from '../github/client.ts';
import { restReviewSource, type ReviewSource } from '../github/reviews.ts';
import type { Repository } from '../github/port.ts';
import type { CommitInfo } from './commits.ts';
import { cacheFolder, type HistoryEvent } from './history.ts';
import { reviewCache } from './review-cache.ts';
import { approvalOf, type LookedUp } from './review-record.ts';

export interface ApprovalOptions {
  /** GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL are read from here. */
  env: Record<string, string | undefined>;
  /** The repository's web address (`https://github.com/acme/licenses`): PR links are built on it, never taken from the API. */
  repoUrl: string | null;
  /** false: read the cache only (`--no-api`). */
  api?: boolean;
  /** Tests pass a source; otherwise REST with the environment's token. */
  source?: ReviewSource;
  /** Upper bound on GitHub requests in one run (default 2,000); commits beyond it stay "not available" until the next run. */
  maxRequests?: number;
  concurrency?: number;
  diskCache?: boolean;
  warn?: (message: string) => void;
}

export interface ApprovalStats {
  fromApi: number;
  fromCache: number;
  unavailable: number;
  requests: number;
}

// The most one commit costs: its pull requests, the PR, its reviews, the commit's verification.
const PER_COMMIT = 4;

/** owner/name from GITHUB_REPOSITORY, else from a github.com web address; undefined when neither says. */
export function repositoryOf(env: Record<string, string | undefined>, repoUrl: string | null): Repository | undefined {
  const named = /^([^/\s]+)\/([^/\s]+)$/.exec(env.GITHUB_REPOSITORY?.trim() ?? '');
  if (named) return { owner: named[1]!, repo: named[2]! };
  const web = repoUrl ? /^https:\/\/github\.com\/([^/]+)\/([^/]+)$/.exec(repoUrl) : null;
  return web ? { owner: web[1]!, repo: web[2]! } : undefined;
}

function sourceFor(o: ApprovalOptions): ReviewSource | undefined {
  if (o.api === false) return undefined;
  if (o.source) return o.source;
  const repository = repositoryOf(o.env, o.repoUrl);
  if (!o.env.GITHUB_TOKEN?.trim() || !repository) return undefined;
  return restReviewSource(createGitHubClient({ env: o.env, ...(o.warn ? { warn: o.warn } : {}) }), repository);
}

/**
 * Fills `approval` on every event: from the history cache, else from GitHub (bounded in requests,
 * a few at a time), else "not available". What GitHub said is cached per commit for later builds.
 */
export async function attachApprovals(repoDir: string, events: HistoryEvent[], commits: Map<string, CommitInfo>, o: ApprovalOptions): Promise<ApprovalStats> {
  const cache = reviewCache(o.diskCache === false ? undefined : await cacheFolder(repoDir));
  const source = sourceFor(o);
  const max = o.maxRequests ?? 2000;
  const stats: ApprovalStats = { fromApi: 0, fromCache: 0, unavailable: 0, requests: 0 };
  const counted = <A extends unknown[], R>(f: (...a: A) => Promise<R>) => (...a: A) => (stats.requests++, f(...a));
  let failed = false;
  const looked = new Map<string, LookedUp | undefined>();
  const lookUp = async (info: CommitInfo): Promise<LookedUp | undefined> => {
    const cached = await cache.read(info.sha);
    if (cached) return (stats.fromCache++, cached);
    if (!source || failed || stats.requests + PER_COMMIT > max) return undefined;
    try {
      const pr = info.pr ?? (await counted(source.commitPulls)(info.sha)).sort((a, b) => a - b)[0] ?? null;
      const [pull, reviews, verification] = await Promise.all([
        pr === null ? undefined : counted(source.pull)(pr),
        pr === null ? [] : counted(source.reviews)(pr),
        counted(source.verification)(info.sha),
      ]);
      const answer: LookedUp = { pr, pull: pull ?? null, reviews, verification: verification ?? null };
      await cache.write(info.sha, answer);
      stats.fromApi++;
      return answer;
    } catch (e) {
      // One failure (a revoked token, an outage) ends the lookups: the rest stay "not available".
      failed = true;
      o.warn?.(`approvals: GitHub lookups stopped: ${(e as Error).message}`);
      return undefined;
    }
  };
  // Newest first: with a bounded budget, the recent changes are the ones looked up.
  const queue = [...commits.values()].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const worker = async () => {
    for (let info = queue.shift(); info; info = queue.shift()) looked.set(info.sha, await lookUp(info));
  };
  await Promise.all(Array.from({ length: Math.max(1, o.concurrency ?? 4) }, worker));
  const prUrl = (n: number) => (o.repoUrl ? `${o.repoUrl}/pull/${n}` : null);
  const approvals = new Map([...commits].map(([sha, info]) => [sha, approvalOf(looked.get(sha), info, prUrl)]));
  for (const a of approvals.values()) if (a.status === 'unavailable') stats.unavailable++;
  for (const e of events) {
    const a = approvals.get(e.commit);
    if (a) e.approval = a;
  }
  return stats;
}
