// Read-only lookups for the audit trail: a merged pull request, its reviews, a commit's verified
// signature, the pull requests a commit belongs to (GitHub REST, through the client of client.ts).
import type { GitHubClient } from './client.ts';
import { GitHubError } from './errors.ts';
import type { Repository } from './port.ts';

export interface PullFacts {
  title: string;
  /** The PR's author (login). */
  author: string | null;
  mergedBy: string | null;
  merged: boolean;
}

export interface ReviewFacts {
  login: string | null;
  /** APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED, PENDING. */
  state: string;
}

export interface VerificationFacts {
  verified: boolean;
  /** GitHub's reason: valid, unsigned, unknown_key, bad_email, ... */
  reason: string;
}

/** The lookups the audit trail needs; REST here, an object literal in tests of the core. */
export interface ReviewSource {
  pull(n: number): Promise<PullFacts | undefined>;
  reviews(n: number): Promise<ReviewFacts[]>;
  verification(sha: string): Promise<VerificationFacts | undefined>;
  /** Numbers of the merged pull requests that contain the commit. */
  commitPulls(sha: string): Promise<number[]>;
}

/** At most 10 pages of 100 reviews: a PR with more is not one an auditor samples. */
const REVIEW_PAGES = 10;

const missing = (e: unknown) => e instanceof GitHubError && (e.status === 404 || e.status === 422);

/** The ReviewSource over REST for one repository; 404s are answers ("none"), other failures throw. */
export function restReviewSource(octokit: GitHubClient, { owner, repo }: Repository): ReviewSource {
  const base = { owner, repo };
  return {
    async pull(n) {
      try {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...base, pull_number: n });
        return { title: data.title, author: data.user?.login ?? null, mergedBy: data.merged_by?.login ?? null, merged: data.merged_at !== null };
      } catch (e) {
        if (missing(e)) return undefined;
        throw e;
      }
    },
    async reviews(n) {
      const out: ReviewFacts[] = [];
      let pages = 0;
      for await (const page of octokit.paginate.iterator('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { ...base, pull_number: n, per_page: 100 })) {
        out.push(...page.data.map((r) => ({ login: r.user?.login ?? null, state: r.state })));
        if (++pages >= REVIEW_PAGES) break;
      }
      return out;
    },
    async verification(sha) {
      try {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/commits/{ref}', { ...base, ref: sha, per_page: 1 });
        const v = data.commit.verification;
        return v ? { verified: v.verified, reason: v.reason } : undefined;
      } catch (e) {
        if (missing(e)) return undefined;
        throw e;
      }
    },
    async commitPulls(sha) {
      try {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', { ...base, commit_sha: sha, per_page: 100 });
        return data.filter((p) => p.merged_at !== null).map((p) => p.number);
      } catch (e) {
        if (missing(e)) return [];
        throw e;
      }
    },
  };
}
