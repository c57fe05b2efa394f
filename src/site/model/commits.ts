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

/** The commit records of the site, newest diffs first. */
export async function siteCommits(root: string, ref: string, commits: Map<string, CommitInfo>, diffs = DIFF_COMMITS): Promise<Record<string, SiteCommit>> {
  const diffOf = await recentDiffs(root, ref, diffs);
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
