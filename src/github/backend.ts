// The raw operations the port's verbs are built from. One REST implementation (rest.ts) and one
// in memory (memory.ts) share the verbs in verbs.ts, so both behave the same.
import type { Repository } from './port.ts';

export type ListState = 'open' | 'closed' | 'all';

export interface IssueRecord {
  number: number;
  url: string;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
  assignees: string[];
  isPull: boolean;
}

export interface PullRecord extends IssueRecord {
  head: string;
  base: string;
  merged: boolean;
}

export interface LabelRecord {
  name: string;
  color: string;
  description: string | null;
}

export interface CommentRecord {
  id: number;
  body: string;
}

export interface IssuePatch {
  title?: string;
  body?: string;
  labels?: string[];
  assignees?: string[];
  state?: 'open' | 'closed';
  state_reason?: 'completed' | 'not_planned';
}

export interface Backend {
  readonly repository: Repository;
  /** PRs whose head is `head` in this repository, newest first. */
  listPulls(query: { head: string; state: ListState }): Promise<PullRecord[]>;
  getPull(number: number): Promise<PullRecord>;
  /** An issue (or a PR, as an issue) by number; undefined when there is none. */
  getIssue(number: number): Promise<IssueRecord | undefined>;
  /** Issues and PRs carrying `label`, oldest first. */
  listIssues(query: { label: string; state: ListState }): Promise<IssueRecord[]>;
  createPull(input: { title: string; body: string; head: string; base: string; draft: boolean }): Promise<PullRecord>;
  updatePull(number: number, patch: { title?: string; body?: string; base?: string; state?: 'open' | 'closed' }): Promise<void>;
  createIssue(input: { title: string; body: string; labels: string[]; assignees: string[] }): Promise<IssueRecord>;
  updateIssue(number: number, patch: IssuePatch): Promise<void>;
  addLabels(number: number, labels: string[]): Promise<void>;
  listLabels(): Promise<LabelRecord[]>;
  createLabel(label: LabelRecord): Promise<void>;
  requestReviewers(number: number, reviewers: string[], teamReviewers: string[]): Promise<void>;
  listComments(number: number): Promise<CommentRecord[]>;
  createComment(number: number, body: string): Promise<CommentRecord>;
  updateComment(id: number, body: string): Promise<void>;
}
