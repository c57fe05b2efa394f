// The narrow, idempotent interface through which lac changes GitHub. Implementations: rest.ts
// (octokit, over HTTP) and memory.ts (in memory, for tests of the core).

export interface Repository {
  owner: string;
  repo: string;
}

/** What `ensure*` did. `unchanged` means no write was made. */
export type EnsureAction = 'created' | 'updated' | 'unchanged';

export interface EnsureResult {
  number: number;
  url: string;
  action: EnsureAction;
  /** `closed` when a closed artifact with this key was found and left alone (see `ifClosed`). */
  state: 'open' | 'closed';
}

export interface PullRequestSpec {
  /** Stable key, hidden in the body: `reclaim/figma`. */
  key: string;
  /** Branch that holds the change (pushed beforehand with git). */
  head: string;
  base: string;
  title: string;
  /** Visible markdown; the key and `state` are appended as hidden comments. */
  body: string;
  /** Added to the bot label; labels people add are kept. */
  labels?: string[];
  /** Requested when the PR is created (not again on updates, so nobody is re-notified). */
  reviewers?: string[];
  teamReviewers?: string[];
  draft?: boolean;
  /** Machine-readable state, parsed back on the next run with `parseState`. */
  state?: unknown;
  /** When a closed, unmerged PR with this head and key exists (someone rejected it): skip (default) or create anew. */
  ifClosed?: 'skip' | 'create';
}

export interface IssueSpec {
  key: string;
  title: string;
  body: string;
  labels?: string[];
  /** Set when the issue is created, or later only if it has nobody assigned. */
  assignees?: string[];
  state?: unknown;
  /** When a closed issue with this key exists: skip (default; put a date in the key for recurring reminders) or create anew. */
  ifClosed?: 'skip' | 'create';
}

export interface LabelSpec {
  name: string;
  /** Six hex digits, without `#`. */
  color: string;
  description?: string;
}

export interface IssueSummary {
  number: number;
  url: string;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
  assignees: string[];
  key: string | undefined;
  /** The parsed `lac:state` marker. */
  hiddenState: unknown;
}

export interface PullRequestSummary extends IssueSummary {
  head: string;
  base: string;
  merged: boolean;
}

export interface CloseResult {
  number: number;
  url: string;
  action: 'closed' | 'unchanged';
}

export type CloseReason = 'completed' | 'not_planned';

export interface GitHubPort {
  readonly repository: Repository;
  /** The label every bot PR and issue carries; key lookups search it. */
  readonly botLabel: string;
  /** Finds the open PR by head branch and key, then creates it, updates it, or leaves it alone. */
  ensurePullRequest(spec: PullRequestSpec): Promise<EnsureResult>;
  /** The newest PR for `head` (and `key`, when given) in `state` (default open). */
  findPullRequest(query: { head?: string; key?: string; state?: 'open' | 'closed' | 'all' }): Promise<PullRequestSummary | undefined>;
  /** Comments (optionally) and closes the open PR with this key or head; no write when none is open. */
  closePullRequest(target: { key?: string; head?: string }, comment?: string): Promise<CloseResult | undefined>;
  /** Finds the open issue with this key among the bot's issues; creates, updates or leaves it alone. */
  ensureIssue(spec: IssueSpec): Promise<EnsureResult>;
  findIssue(key: string, state?: 'open' | 'closed' | 'all'): Promise<IssueSummary | undefined>;
  /** Comments (optionally) and closes the open issue with this key; no write when none is open. */
  closeIssue(key: string, comment?: string, reason?: CloseReason): Promise<CloseResult | undefined>;
  /** One sticky comment per key on an issue or PR: created once, updated when the body changes. */
  ensureComment(issueNumber: number, key: string, body: string): Promise<{ id: number; action: EnsureAction }>;
  hasComment(issueNumber: number, key: string): Promise<boolean>;
  /** Creates the labels that do not exist yet; existing ones (and colours people chose) are left alone. */
  ensureLabels(labels: LabelSpec[]): Promise<{ created: string[] }>;
  /** Any issue or PR by number, a person's too (`isPull` tells which); undefined when there is none. */
  getIssue(number: number): Promise<(IssueSummary & { isPull: boolean }) | undefined>;
  /** A pull request by number; undefined when there is none (or the number is an issue's). */
  getPullRequest(number: number): Promise<PullRequestSummary | undefined>;
  /** Closes the issue numbered `number` when it is open; no write when it is closed already. */
  closeIssueNumber(number: number, reason?: CloseReason): Promise<CloseResult>;
  /** Issues (or, with `pulls`, pull requests) carrying `label`, oldest first. */
  listIssuesByLabel(label: string, state?: 'open' | 'closed' | 'all', kind?: 'issues' | 'pulls'): Promise<IssueSummary[]>;
}
