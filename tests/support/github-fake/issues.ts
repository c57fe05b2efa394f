// Issues (pull requests are issues too): list, create, get, update, labels and assignees on an issue.
import { label, nodeId, simpleUser, type Obj, type Urls } from './objects.ts';
import { notFound, paginate, validationFailed, type FakeRequest, type FakeResponse, type Route } from './router.ts';
import { withRepo } from './repos.ts';
import type { FakeState, IssueState, LabelState, RepoState } from './state.ts';

/** The repo's label named `name` (case-insensitive); GitHub creates a missing label when one is applied. */
export function labelFor(state: FakeState, repo: RepoState, name: string): LabelState {
  let found = repo.labels.find((l) => l.name.toLowerCase() === name.toLowerCase());
  if (!found) repo.labels.push((found = { id: state.nextId(), name, color: 'ededed', description: null }));
  return found;
}

export function issueObject(state: FakeState, urls: Urls, repo: RepoState, issue: IssueState): Obj {
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}/issues/${issue.number}`;
  const html = `${urls.web}/${repo.owner}/${repo.name}/${issue.pull ? 'pull' : 'issues'}/${issue.number}`;
  const assignees = issue.assignees.map((login) => simpleUser(state, urls, login));
  const obj: Obj = {
    id: issue.id,
    node_id: nodeId('Issue', issue.id),
    url: api,
    repository_url: `${urls.api}/repos/${repo.owner}/${repo.name}`,
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: html,
    number: issue.number,
    state: issue.state,
    state_reason: issue.state_reason,
    title: issue.title,
    body: issue.body,
    user: simpleUser(state, urls, issue.user),
    labels: issue.labels.map((name) => label(urls, repo, labelFor(state, repo, name))),
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    locked: issue.locked,
    comments: repo.comments.filter((c) => c.issue_number === issue.number).length,
    closed_at: issue.closed_at,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    author_association: issue.user === repo.owner ? 'OWNER' : 'NONE',
  };
  if (issue.pull) {
    const pulls = `${urls.api}/repos/${repo.owner}/${repo.name}/pulls/${issue.number}`;
    obj.pull_request = { url: pulls, html_url: html, diff_url: `${html}.diff`, patch_url: `${html}.patch`, merged_at: issue.pull.merged_at };
    obj.draft = issue.pull.draft;
  }
  return obj;
}

/** Runs `fn` with the issue (or pull request) numbered in the path, or answers 404. */
export function withIssue(req: FakeRequest, fn: (repo: RepoState, issue: IssueState) => FakeResponse): FakeResponse {
  return withRepo(req, (repo) => {
    const issue = repo.issues.find((i) => i.number === Number(req.params.issue_number ?? req.params.pull_number));
    return issue ? fn(repo, issue) : notFound();
  });
}

function labelNames(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [];
  return list.map((l: unknown) => (typeof l === 'string' ? l : String((l as { name?: unknown }).name ?? ''))).filter(Boolean);
}

function assigneeLogins(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [];
  return list.map((a: unknown) => (typeof a === 'string' ? a : String((a as { login?: unknown }).login ?? ''))).filter(Boolean);
}

function unique(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => !seen.has(n.toLowerCase()) && seen.add(n.toLowerCase()));
}

/** Applies the shared issue fields of a create or update body. */
export function applyIssueFields(req: FakeRequest, repo: RepoState, issue: IssueState, body: Record<string, unknown>): void {
  if (body.title !== undefined && body.title !== null) issue.title = String(body.title);
  if (body.body !== undefined) issue.body = body.body === null ? null : String(body.body);
  if (body.labels !== undefined) issue.labels = unique(labelNames(body.labels)).map((n) => labelFor(req.state, repo, n).name);
  if (body.assignees !== undefined) issue.assignees = unique(assigneeLogins(body.assignees));
  if (typeof body.assignee === 'string') issue.assignees = [body.assignee];
  const state = body.state;
  if (state === 'closed' && issue.state === 'open') {
    issue.state = 'closed';
    issue.closed_at = req.state.now();
    issue.state_reason = issue.pull ? null : ((body.state_reason as IssueState['state_reason']) ?? 'completed');
  } else if (state === 'open' && issue.state === 'closed') {
    if (issue.pull?.merged_at) return;
    issue.state = 'open';
    issue.closed_at = null;
    issue.state_reason = issue.pull ? null : 'reopened';
  } else if (body.state_reason !== undefined && issue.state === 'closed' && !issue.pull) {
    issue.state_reason = body.state_reason as IssueState['state_reason'];
  }
  issue.updated_at = req.state.now();
}

function listIssues(req: FakeRequest, repo: RepoState): FakeResponse {
  const state = req.query.state ?? 'open';
  const wanted = (req.query.labels ?? '').split(',').map((l) => l.trim().toLowerCase()).filter(Boolean);
  const direction = req.query.direction ?? 'desc';
  const sort = req.query.sort ?? 'created';
  const items = repo.issues
    .filter((i) => state === 'all' || i.state === state)
    .filter((i) => wanted.every((w) => i.labels.some((l) => l.toLowerCase() === w)))
    .filter((i) => !req.query.creator || i.user === req.query.creator)
    .filter((i) => !req.query.assignee || (req.query.assignee === 'none' ? i.assignees.length === 0 : req.query.assignee === '*' ? i.assignees.length > 0 : i.assignees.includes(req.query.assignee)))
    .sort((a, b) => {
      const order = sort === 'updated' ? a.updated_at.localeCompare(b.updated_at) || a.number - b.number : a.number - b.number;
      return direction === 'asc' ? order : -order;
    });
  const { page, headers } = paginate(req, `/repos/${repo.owner}/${repo.name}/issues`, items);
  return { status: 200, body: page.map((i) => issueObject(req.state, req.urls, repo, i)), headers };
}

export const issueRoutes: Route[] = [
  { method: 'GET', path: '/repos/{owner}/{repo}/issues', handler: (req) => withRepo(req, (repo) => listIssues(req, repo)) },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues',
    handler: (req) =>
      withRepo(req, (repo) => {
        if (String(req.body.title ?? '').trim() === '') return validationFailed('title is missing', { resource: 'Issue', field: 'title', code: 'missing_field' });
        const now = req.state.now();
        const issue: IssueState = {
          id: req.state.nextId(),
          number: repo.nextNumber++,
          title: '',
          body: null,
          state: 'open',
          state_reason: null,
          labels: [],
          assignees: [],
          user: req.state.viewer,
          created_at: now,
          updated_at: now,
          closed_at: null,
          locked: false,
        };
        applyIssueFields(req, repo, issue, { ...req.body, state: undefined, state_reason: undefined });
        repo.issues.push(issue);
        return { status: 201, body: issueObject(req.state, req.urls, repo, issue) };
      }),
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/{issue_number}',
    handler: (req) => withIssue(req, (repo, issue) => ({ status: 200, body: issueObject(req.state, req.urls, repo, issue) })),
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/issues/{issue_number}',
    handler: (req) =>
      withIssue(req, (repo, issue) => {
        applyIssueFields(req, repo, issue, req.body);
        return { status: 200, body: issueObject(req.state, req.urls, repo, issue) };
      }),
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
    handler: (req) =>
      withIssue(req, (repo, issue) => {
        applyIssueFields(req, repo, issue, { labels: [...issue.labels, ...labelNames(req.body.labels)] });
        return { status: 200, body: issue.labels.map((n) => label(req.urls, repo, labelFor(req.state, repo, n))) };
      }),
  },
  {
    method: 'PUT',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
    handler: (req) =>
      withIssue(req, (repo, issue) => {
        applyIssueFields(req, repo, issue, { labels: labelNames(req.body.labels) });
        return { status: 200, body: issue.labels.map((n) => label(req.urls, repo, labelFor(req.state, repo, n))) };
      }),
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/assignees',
    handler: (req) =>
      withIssue(req, (repo, issue) => {
        applyIssueFields(req, repo, issue, { assignees: [...issue.assignees, ...assigneeLogins(req.body.assignees)] });
        return { status: 201, body: issueObject(req.state, req.urls, repo, issue) };
      }),
  },
];
