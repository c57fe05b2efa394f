// The Backend over GitHub's REST API, through the octokit built by client.ts.
import type { Backend, CommentRecord, IssuePatch, IssueRecord, ListState, PullRecord } from './backend.ts';
import { GitHubError } from './errors.ts';
import { createGitHubClient, repositoryFromEnv, type GitHubClient, type GitHubClientOptions } from './client.ts';
import type { GitHubPort, Repository } from './port.ts';
import { createPort, type PortOptions } from './verbs.ts';
import { redactingPort } from './redacting-port.ts';
import { redactorFor } from '../secrets/redact.ts';

/** Upper bound on pages read by one list call (100 items each), so an API bug cannot loop forever. */
export const MAX_PAGES = 50;

type LabelLike = string | { name?: string | null };
interface IssueData {
  number: number;
  html_url: string;
  title: string;
  body?: string | null;
  state: string;
  labels: LabelLike[];
  assignees?: Array<{ login: string }> | null;
  pull_request?: unknown;
}
interface PullData extends IssueData {
  head: { ref: string };
  base: { ref: string };
  merged_at: string | null;
}

function issueRecord(data: IssueData, isPull = data.pull_request !== undefined && data.pull_request !== null): IssueRecord {
  return {
    number: data.number,
    url: data.html_url,
    title: data.title,
    body: data.body ?? '',
    state: data.state === 'closed' ? 'closed' : 'open',
    labels: data.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
    assignees: (data.assignees ?? []).map((a) => a.login),
    isPull,
  };
}

function pullRecord(data: PullData): PullRecord {
  return { ...issueRecord(data, true), head: data.head.ref, base: data.base.ref, merged: data.merged_at !== null };
}

/** Reads every page of a list endpoint, at most `MAX_PAGES`. */
async function allPages<T>(octokit: GitHubClient, route: string, params: Record<string, unknown>): Promise<T[]> {
  const out: T[] = [];
  let pages = 0;
  for await (const page of octokit.paginate.iterator(route, { ...params, per_page: 100 })) {
    out.push(...(page.data as T[]));
    if (++pages >= MAX_PAGES) break;
  }
  return out;
}

/** The REST Backend for one repository. */
export function restBackend(octokit: GitHubClient, repository: Repository): Backend {
  const { owner, repo } = repository;
  const base = { owner, repo };
  return {
    repository,
    async listPulls({ head, state }: { head: string; state: ListState }) {
      const data = await allPages<PullData>(octokit, 'GET /repos/{owner}/{repo}/pulls', { ...base, head: `${owner}:${head}`, state, sort: 'created', direction: 'desc' });
      return data.map(pullRecord);
    },
    async getPull(number: number) {
      const { data } = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...base, pull_number: number });
      return pullRecord(data as PullData);
    },
    async getIssue(number: number) {
      try {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', { ...base, issue_number: number });
        return issueRecord(data as IssueData);
      } catch (e) {
        // 404: no such issue; 410: it was deleted.
        if (e instanceof GitHubError && (e.status === 404 || e.status === 410)) return undefined;
        throw e;
      }
    },
    async listIssues({ label, state }: { label: string; state: ListState }) {
      const data = await allPages<IssueData>(octokit, 'GET /repos/{owner}/{repo}/issues', { ...base, labels: label, state, sort: 'created', direction: 'asc' });
      return data.map((d) => issueRecord(d));
    },
    async createPull(input) {
      const { data } = await octokit.request('POST /repos/{owner}/{repo}/pulls', { ...base, ...input });
      return pullRecord(data as PullData);
    },
    async updatePull(number, patch) {
      await octokit.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', { ...base, pull_number: number, ...patch });
    },
    async createIssue(input) {
      const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues', { ...base, ...input });
      return issueRecord(data as IssueData);
    },
    async updateIssue(number: number, patch: IssuePatch) {
      await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', { ...base, issue_number: number, ...patch });
    },
    async addLabels(number: number, labels: string[]) {
      await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', { ...base, issue_number: number, labels });
    },
    async listLabels() {
      const data = await allPages<{ name: string; color: string; description?: string | null }>(octokit, 'GET /repos/{owner}/{repo}/labels', base);
      return data.map((l) => ({ name: l.name, color: l.color, description: l.description ?? null }));
    },
    async createLabel(label) {
      await octokit.request('POST /repos/{owner}/{repo}/labels', { ...base, name: label.name, color: label.color, ...(label.description === null ? {} : { description: label.description }) });
    },
    async requestReviewers(number: number, reviewers: string[], teamReviewers: string[]) {
      await octokit.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', {
        ...base,
        pull_number: number,
        reviewers,
        ...(teamReviewers.length ? { team_reviewers: teamReviewers } : {}),
      });
    },
    async listComments(number: number): Promise<CommentRecord[]> {
      const data = await allPages<{ id: number; body?: string }>(octokit, 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...base, issue_number: number });
      return data.map((c) => ({ id: c.id, body: c.body ?? '' }));
    },
    async createComment(number: number, body: string) {
      const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...base, issue_number: number, body });
      return { id: Number(data.id), body: data.body ?? '' };
    },
    async updateComment(id: number, body: string) {
      await octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...base, comment_id: id, body });
    },
  };
}

/** The GitHubPort over HTTP for `repository` (default: GITHUB_REPOSITORY); what it writes has the environment's secrets redacted. */
export function createGitHubPort(options: GitHubClientOptions & PortOptions & { client?: GitHubClient; repository?: Repository } = {}): GitHubPort {
  const octokit = options.client ?? createGitHubClient(options);
  const env = options.env ?? process.env;
  const repository = options.repository ?? repositoryFromEnv(env);
  return redactingPort(createPort(restBackend(octokit, repository), options), redactorFor(env, options.token ? [options.token] : []));
}
