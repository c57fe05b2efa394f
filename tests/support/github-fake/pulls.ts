// Pull requests: list by head/base/state, create, get, update, merge, requested reviewers.
import { label, nodeId, repository, simpleUser, type Obj } from './objects.ts';
import { applyIssueFields, labelFor, withIssue } from './issues.ts';
import { branches, withRepo } from './repos.ts';
import { notFound, paginate, validationFailed, type FakeRequest, type FakeResponse, type Route } from './router.ts';
import { fakeSha, type IssueState, type RepoState } from './state.ts';

type Pull = IssueState & { pull: NonNullable<IssueState['pull']> };

function side(req: FakeRequest, repo: RepoState, branch: string): Obj {
  return {
    label: `${repo.owner}:${branch}`,
    ref: branch,
    sha: branches(req.state, repo).get(branch) ?? fakeSha(`${repo.owner}/${repo.name}@${branch}`),
    user: simpleUser(req.state, req.urls, repo.owner),
    repo: repository(req.state, req.urls, repo),
  };
}

/** The `pull-request-simple` schema (lists). */
export function pullSimple(req: FakeRequest, repo: RepoState, pr: Pull): Obj {
  const api = `${req.urls.api}/repos/${repo.owner}/${repo.name}`;
  const html = `${req.urls.web}/${repo.owner}/${repo.name}/pull/${pr.number}`;
  const self = `${api}/pulls/${pr.number}`;
  const assignees = pr.assignees.map((login) => simpleUser(req.state, req.urls, login));
  return {
    url: self,
    id: pr.pull.id,
    node_id: nodeId('PullRequest', pr.pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pr.number}`,
    commits_url: `${self}/commits`,
    review_comments_url: `${self}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pr.number}/comments`,
    statuses_url: `${api}/statuses/${branches(req.state, repo).get(pr.pull.head) ?? fakeSha(pr.pull.head)}`,
    number: pr.number,
    state: pr.state,
    locked: pr.locked,
    title: pr.title,
    user: simpleUser(req.state, req.urls, pr.user),
    body: pr.body,
    // Unlike an issue's labels, a pull request's label description is a non-null string in GitHub's schema.
    labels: pr.labels.map((n) => ({ ...label(req.urls, repo, labelFor(req.state, repo, n)), description: labelFor(req.state, repo, n).description ?? '' })),
    milestone: null,
    created_at: pr.created_at,
    updated_at: pr.updated_at,
    closed_at: pr.closed_at,
    merged_at: pr.pull.merged_at,
    merge_commit_sha: pr.pull.merge_commit_sha,
    assignee: assignees[0] ?? null,
    assignees,
    requested_reviewers: pr.pull.requested_reviewers.map((login) => simpleUser(req.state, req.urls, login)),
    requested_teams: [],
    head: side(req, repo, pr.pull.head),
    base: side(req, repo, pr.pull.base),
    _links: {
      self: { href: self },
      html: { href: html },
      issue: { href: `${api}/issues/${pr.number}` },
      comments: { href: `${api}/issues/${pr.number}/comments` },
      review_comments: { href: `${self}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${self}/commits` },
      statuses: { href: `${api}/statuses/${fakeSha(pr.pull.head)}` },
    },
    author_association: 'NONE',
    auto_merge: null,
    draft: pr.pull.draft,
  };
}

/** The `pull-request` schema (get, create, update). */
export function pullFull(req: FakeRequest, repo: RepoState, pr: Pull): Obj {
  const merged = pr.pull.merged_at !== null;
  return {
    ...pullSimple(req, repo, pr),
    merged,
    mergeable: pr.state === 'open' ? true : null,
    rebaseable: pr.state === 'open' ? true : null,
    mergeable_state: pr.state === 'open' ? 'clean' : 'unknown',
    merged_by: pr.pull.merged_by ? simpleUser(req.state, req.urls, pr.pull.merged_by) : null,
    comments: repo.comments.filter((c) => c.issue_number === pr.number).length,
    review_comments: 0,
    maintainer_can_modify: pr.pull.maintainer_can_modify,
    commits: 1,
    additions: 1,
    deletions: 0,
    changed_files: 1,
  };
}

function isPull(issue: IssueState): issue is Pull {
  return issue.pull !== undefined;
}

function withPull(req: FakeRequest, fn: (repo: RepoState, pr: Pull) => FakeResponse): FakeResponse {
  return withIssue(req, (repo, issue) => (isPull(issue) ? fn(repo, issue) : notFound()));
}

/** `head` is `branch` or `owner:branch`; the fake serves no forks. */
function headBranch(repo: RepoState, head: string): string | undefined {
  const [owner, branch] = head.includes(':') ? head.split(/:(.*)/s) : [repo.owner, head];
  return owner?.toLowerCase() === repo.owner.toLowerCase() ? branch : undefined;
}

/** Marks a pull request merged, as GitHub does when someone merges it. */
export function mergePull(req: Pick<FakeRequest, 'state'>, repo: RepoState, pr: Pull, by: string): void {
  const now = req.state.now();
  pr.state = 'closed';
  pr.closed_at = now;
  pr.updated_at = now;
  pr.pull.merged_at = now;
  pr.pull.merged_by = by;
  pr.pull.merge_commit_sha = fakeSha(`merge ${repo.name}#${pr.number}`);
}

function listPulls(req: FakeRequest, repo: RepoState): FakeResponse {
  const state = req.query.state ?? 'open';
  const head = req.query.head === undefined ? undefined : headBranch(repo, req.query.head);
  if (req.query.head !== undefined && !req.query.head.includes(':')) {
    // GitHub wants "user:ref-name"; a bare branch name does not filter what a client expects.
    return { ...validationFailed('head must be "user:ref-name"', { resource: 'PullRequest', field: 'head', code: 'invalid' }), violation: `head filter without owner: ${req.query.head}` };
  }
  const direction = req.query.direction ?? 'desc';
  const items = repo.issues
    .filter(isPull)
    .filter((p) => state === 'all' || p.state === state)
    .filter((p) => req.query.head === undefined || p.pull.head === head)
    .filter((p) => req.query.base === undefined || p.pull.base === req.query.base)
    .sort((a, b) => (direction === 'asc' ? a.number - b.number : b.number - a.number));
  const { page, headers } = paginate(req, `/repos/${repo.owner}/${repo.name}/pulls`, items);
  return { status: 200, body: page.map((p) => pullSimple(req, repo, p)), headers };
}

function createPull(req: FakeRequest, repo: RepoState): FakeResponse {
  const head = headBranch(repo, String(req.body.head));
  const base = String(req.body.base);
  const known = branches(req.state, repo);
  if (head === undefined || !known.has(head)) return validationFailed(`head ${String(req.body.head)} does not exist`, { resource: 'PullRequest', field: 'head', code: 'invalid' });
  if (!known.has(base)) return validationFailed(`base ${base} does not exist`, { resource: 'PullRequest', field: 'base', code: 'invalid' });
  if (repo.issues.some((i) => i.pull?.head === head && i.pull.base === base && i.state === 'open')) {
    return validationFailed(`A pull request already exists for ${repo.owner}:${head}.`, { resource: 'PullRequest', field: 'head', code: 'custom' });
  }
  if (typeof req.body.title !== 'string' || req.body.title === '') return validationFailed('title is missing', { resource: 'PullRequest', field: 'title', code: 'missing_field' });
  const now = req.state.now();
  const pr: Pull = {
    id: req.state.nextId(),
    number: repo.nextNumber++,
    title: req.body.title,
    body: typeof req.body.body === 'string' ? req.body.body : null,
    state: 'open',
    state_reason: null,
    labels: [],
    assignees: [],
    user: req.state.viewer,
    created_at: now,
    updated_at: now,
    closed_at: null,
    locked: false,
    pull: {
      id: req.state.nextId(),
      head,
      base,
      draft: req.body.draft === true,
      merged_at: null,
      merged_by: null,
      merge_commit_sha: null,
      requested_reviewers: [],
      requested_teams: [],
      maintainer_can_modify: req.body.maintainer_can_modify !== false,
    },
  };
  repo.issues.push(pr);
  return { status: 201, body: pullFull(req, repo, pr), headers: { location: `${req.urls.api}/repos/${repo.owner}/${repo.name}/pulls/${pr.number}` } };
}

export const pullRoutes: Route[] = [
  { method: 'GET', path: '/repos/{owner}/{repo}/pulls', handler: (req) => withRepo(req, (repo) => listPulls(req, repo)) },
  { method: 'POST', path: '/repos/{owner}/{repo}/pulls', handler: (req) => withRepo(req, (repo) => createPull(req, repo)) },
  { method: 'GET', path: '/repos/{owner}/{repo}/pulls/{pull_number}', handler: (req) => withPull(req, (repo, pr) => ({ status: 200, body: pullFull(req, repo, pr) })) },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}',
    handler: (req) =>
      withPull(req, (repo, pr) => {
        if (typeof req.body.base === 'string') {
          if (!branches(req.state, repo).has(req.body.base)) return validationFailed(`base ${req.body.base} does not exist`, { resource: 'PullRequest', field: 'base', code: 'invalid' });
          pr.pull.base = req.body.base;
        }
        if (typeof req.body.maintainer_can_modify === 'boolean') pr.pull.maintainer_can_modify = req.body.maintainer_can_modify;
        const { title, body, state } = req.body;
        applyIssueFields(req, repo, pr, { title, body, state });
        return { status: 200, body: pullFull(req, repo, pr) };
      }),
  },
  {
    method: 'PUT',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/merge',
    handler: (req) =>
      withPull(req, (repo, pr) => {
        if (pr.state !== 'open') return { status: 405, body: { message: 'Pull Request is not mergeable', documentation_url: 'https://docs.github.com/rest' } };
        mergePull(req, repo, pr, req.state.viewer);
        return { status: 200, body: { sha: pr.pull.merge_commit_sha, merged: true, message: 'Pull Request successfully merged' } };
      }),
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
    handler: (req) =>
      withPull(req, (_repo, pr) => ({ status: 200, body: { users: pr.pull.requested_reviewers.map((l) => simpleUser(req.state, req.urls, l)), teams: [] } })),
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
    handler: (req) =>
      withPull(req, (repo, pr) => {
        const reviewers = Array.isArray(req.body.reviewers) ? req.body.reviewers.map(String) : [];
        if (reviewers.includes(pr.user)) return validationFailed('Review cannot be requested from pull request author.', { resource: 'PullRequest', field: 'reviewers', code: 'custom' });
        for (const login of reviewers) if (!pr.pull.requested_reviewers.includes(login)) pr.pull.requested_reviewers.push(login);
        pr.updated_at = req.state.now();
        return { status: 201, body: pullSimple(req, repo, pr) };
      }),
  },
];
