import type { CommitInfo } from '../../history/commits.ts';
import { recentDiffs } from '../../history/commit-diff.ts';
import type { CommitDiff } from '../../history/commit-diff.ts';

/** What a commit page shows besides its events: who wrote and committed it, its message, its diff. */
export interface SiteCommit {
  author: string;
  email: string;
  committer: string;
  committerEmail: string;
  date: string;
  /** The message (untrusted text): the page shows it as text. */
  message: string;
  parents: number;
  /** The changed lines of inventory/; null for commits beyond DIFF_COMMITS. */
  diff: CommitDiff | null;
}

/** Diffs are read for this many of the newest commits (one git process each); older pages link to the commit instead. */
export const DIFF_COMMITS = 500;
/** Message characters kept: a commit page is not the place for a 1 MB message. */
const MESSAGE = 4000;

/** The diffs of the site's commit pages: git reads them (seconds for a large people.yaml changed each month) while the model is made. */
export const siteDiffs = (root: string, ref: string, diffs = DIFF_COMMITS): Promise<Map<string, CommitDiff>> => recentDiffs(root, ref, diffs);

/** The commit records of the site, newest diffs first; `diffs`: siteDiffs of the same ref. */
export async function siteCommits(commits: Map<string, CommitInfo>, diffs: Promise<Map<string, CommitDiff>>): Promise<Record<string, SiteCommit>> {
  const diffOf = await diffs;
  const out: Record<string, SiteCommit> = {};
  for (const c of [...commits.values()].sort((a, b) => (a.sha < b.sha ? -1 : 1))) {
    out[c.sha] = {
      author: c.author, email: c.email, committer: c.committer, committerEmail: c.committerEmail, date: c.date,
      message: c.message.length > MESSAGE ? `${c.message.slice(0, MESSAGE)}…` : c.message.replace(/\n+$/, ''), parents: c.parents,
      diff: diffOf.get(c.sha) ?? null,
    };
  }
  return out;
}
