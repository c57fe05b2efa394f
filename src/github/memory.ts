// An in-memory GitHub behind the same verbs as the REST port: for tests of the core without HTTP.
import type { Backend, CommentRecord, IssuePatch, IssueRecord, LabelRecord, ListState, PullRecord } from './backend.ts';
import { GitHubError } from './errors.ts';
import type { GitHubPort, Repository } from './port.ts';
import { createPort, type PortOptions } from './verbs.ts';

export interface MemoryWrite {
  op: 'createPull' | 'updatePull' | 'createIssue' | 'updateIssue' | 'addLabels' | 'createLabel' | 'requestReviewers' | 'createComment' | 'updateComment';
  number: number;
  data: unknown;
}

export interface MemoryGitHub {
  port: GitHubPort;
  /** Issues and PRs by number (PRs carry head/base/merged). */
  issues: Map<number, IssueRecord | (PullRecord & { reviewers: string[] })>;
  comments: Map<number, CommentRecord & { issue: number }>;
  /** Repository labels (labels applied to an issue or PR are created here too, as GitHub does). */
  labels: LabelRecord[];
  /** Every write, in order: a second run that changes nothing adds none. */
  writes: MemoryWrite[];
  /** Marks a PR merged (as a person would), for tests of what the bot does next. */
  merge(number: number): void;
}

const byState = (state: ListState) => (r: IssueRecord) => state === 'all' || r.state === state;

/** An in-memory GitHub for `repository`. When `branches` is given, PR heads and bases must be in it. */
export function createMemoryGitHub(options: PortOptions & { repository?: Repository; branches?: Set<string> } = {}): MemoryGitHub {
  const repository = options.repository ?? { owner: 'acme', repo: 'licenses' };
  const issues: MemoryGitHub['issues'] = new Map();
  const comments: MemoryGitHub['comments'] = new Map();
  const writes: MemoryWrite[] = [];
  const labels: LabelRecord[] = [];
  const knowLabels = (names: string[]) => {
    for (const name of names) if (!labels.some((l) => l.name.toLowerCase() === name.toLowerCase())) labels.push({ name, color: 'ededed', description: null });
  };
  let next = 1;
  let nextComment = 1;
  const url = (kind: string, n: number) => `https://github.com/${repository.owner}/${repository.repo}/${kind}/${n}`;
  const fail = (command: string, status: number, message: string): never => {
    throw new GitHubError(command, status, message);
  };
  const get = (number: number, command: string) => issues.get(number) ?? fail(command, 404, 'Not Found');
  const pulls = () => [...issues.values()].filter((r): r is PullRecord & { reviewers: string[] } => r.isPull);
  const copy = <T>(value: T): T => structuredClone(value);

  const backend: Backend = {
    repository,
    async listPulls({ head, state }) {
      return copy(pulls().filter((p) => p.head === head).filter(byState(state)).reverse());
    },
    async getPull(number) {
      const pr = get(number, 'GET /repos/{owner}/{repo}/pulls/{pull_number}');
      return pr.isPull ? copy(pr as PullRecord) : fail('GET /repos/{owner}/{repo}/pulls/{pull_number}', 404, 'Not Found');
    },
    async getIssue(number) {
      const issue = issues.get(number);
      return issue ? copy(issue) : undefined;
    },
    async listIssues({ label, state }) {
      return copy([...issues.values()].filter((i) => i.labels.some((l) => l.toLowerCase() === label.toLowerCase())).filter(byState(state)));
    },
    async createPull(input) {
      const command = 'POST /repos/{owner}/{repo}/pulls';
      if (options.branches && !options.branches.has(input.head)) fail(command, 422, `Validation Failed (head: invalid)`);
      if (options.branches && !options.branches.has(input.base)) fail(command, 422, `Validation Failed (base: invalid)`);
      if (pulls().some((p) => p.head === input.head && p.base === input.base && p.state === 'open')) fail(command, 422, `A pull request already exists for ${repository.owner}:${input.head}.`);
      const number = next++;
      const pr = { number, url: url('pull', number), title: input.title, body: input.body, state: 'open' as const, labels: [], assignees: [], isPull: true, head: input.head, base: input.base, merged: false, reviewers: [] };
      issues.set(number, pr);
      writes.push({ op: 'createPull', number, data: copy(input) });
      return copy(pr);
    },
    async updatePull(number, patch) {
      const pr = get(number, 'PATCH /repos/{owner}/{repo}/pulls/{pull_number}') as PullRecord;
      Object.assign(pr, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
      writes.push({ op: 'updatePull', number, data: copy(patch) });
    },
    async createIssue(input) {
      const number = next++;
      const issue: IssueRecord = { number, url: url('issues', number), title: input.title, body: input.body, state: 'open', labels: [...input.labels], assignees: [...input.assignees], isPull: false };
      issues.set(number, issue);
      knowLabels(input.labels);
      writes.push({ op: 'createIssue', number, data: copy(input) });
      return copy(issue);
    },
    async updateIssue(number, patch: IssuePatch) {
      const issue = get(number, 'PATCH /repos/{owner}/{repo}/issues/{issue_number}');
      const { state_reason: _reason, ...fields } = patch;
      Object.assign(issue, Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
      knowLabels(patch.labels ?? []);
      writes.push({ op: 'updateIssue', number, data: copy(patch) });
    },
    async addLabels(number, labels) {
      const issue = get(number, 'POST /repos/{owner}/{repo}/issues/{issue_number}/labels');
      for (const l of labels) if (!issue.labels.some((x) => x.toLowerCase() === l.toLowerCase())) issue.labels.push(l);
      knowLabels(labels);
      writes.push({ op: 'addLabels', number, data: [...labels] });
    },
    async listLabels() {
      return copy(labels);
    },
    async createLabel(label) {
      if (labels.some((l) => l.name.toLowerCase() === label.name.toLowerCase())) fail('POST /repos/{owner}/{repo}/labels', 422, 'Validation Failed (name: already_exists)');
      labels.push({ ...label });
      writes.push({ op: 'createLabel', number: 0, data: copy(label) });
    },
    async requestReviewers(number, reviewers, teamReviewers) {
      const pr = get(number, 'POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers') as PullRecord & { reviewers: string[] };
      pr.reviewers.push(...reviewers.filter((r) => !pr.reviewers.includes(r)));
      writes.push({ op: 'requestReviewers', number, data: { reviewers, teamReviewers } });
    },
    async listComments(number) {
      get(number, 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments');
      return [...comments.values()].filter((c) => c.issue === number).map(({ id, body }) => ({ id, body }));
    },
    async createComment(number, body) {
      get(number, 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments');
      const comment = { id: nextComment++, body, issue: number };
      comments.set(comment.id, comment);
      writes.push({ op: 'createComment', number, data: body });
      return { id: comment.id, body };
    },
    async updateComment(id, body) {
      const comment = comments.get(id) ?? fail('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', 404, 'Not Found');
      comment.body = body;
      writes.push({ op: 'updateComment', number: comment.issue, data: body });
    },
  };

  return {
    port: createPort(backend, options),
    issues,
    comments,
    labels,
    writes,
    merge(number: number) {
      const pr = issues.get(number);
      if (!pr?.isPull || pr.state !== 'open') throw new Error(`no open pull request #${number}`);
      Object.assign(pr, { state: 'closed', merged: true });
    },
  };
}
