// Pull request reviews, a commit with its signature verification, and the pull requests of a
// commit: GET .../pulls/{n}/reviews, GET .../commits/{ref}, GET .../commits/{sha}/pulls.
import { nodeId, simpleUser, type Obj } from './objects.ts';
import { pullSimple } from './pulls.ts';
import { withIssue } from './issues.ts';
import { withRepo } from './repos.ts';
import { notFound, paginate, type FakeRequest, type Route } from './router.ts';
import type { IssueState, RepoState, ReviewState } from './state.ts';

type Pull = IssueState & { pull: NonNullable<IssueState['pull']> };

function review(req: FakeRequest, repo: RepoState, pr: Pull, r: ReviewState): Obj {
  const html = `${req.urls.web}/${repo.owner}/${repo.name}/pull/${pr.number}#pullrequestreview-${r.id}`;
  const pullUrl = `${req.urls.api}/repos/${repo.owner}/${repo.name}/pulls/${pr.number}`;
  return {
    id: r.id, node_id: nodeId('PullRequestReview', r.id), user: simpleUser(req.state, req.urls, r.user), body: r.body, state: r.state,
    html_url: html, pull_request_url: pullUrl, _links: { html: { href: html }, pull_request: { href: pullUrl } },
    submitted_at: r.submitted_at, commit_id: pr.pull.merge_commit_sha, author_association: 'MEMBER',
  };
}

function commit(req: FakeRequest, repo: RepoState, sha: string): Obj | undefined {
  const c = repo.commits?.get(sha);
  if (!c) return undefined;
  const api = `${req.urls.api}/repos/${repo.owner}/${repo.name}`;
  const web = `${req.urls.web}/${repo.owner}/${repo.name}`;
  return {
    url: `${api}/commits/${sha}`, sha, node_id: nodeId('Commit', req.state.userId(sha)), html_url: `${web}/commit/${sha}`, comments_url: `${api}/commits/${sha}/comments`,
    commit: {
      url: `${api}/git/commits/${sha}`, author: c.author, committer: c.committer, message: c.message, comment_count: 0,
      tree: { sha: '4b825dc642cb6eb9a060e54bf8d69288fbee4904', url: `${api}/git/trees/4b825dc642cb6eb9a060e54bf8d69288fbee4904` },
      verification: { verified: c.verification.verified, reason: c.verification.reason, signature: c.verification.signature, payload: c.verification.signature ? 'tree 4b825dc6\n' : null, verified_at: c.verification.verified ? c.committer.date : null },
    },
    author: null, committer: null,
    parents: c.parents.map((p) => ({ sha: p, url: `${api}/commits/${p}`, html_url: `${web}/commit/${p}` })),
    stats: { additions: 0, deletions: 0, total: 0 }, files: [],
  };
}

const isPull = (i: IssueState): i is Pull => i.pull !== undefined;

export const reviewRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews',
    handler: (req) => withIssue(req, (repo, issue) => {
      if (!isPull(issue)) return notFound();
      const items = issue.pull.reviews ?? [];
      const { page, headers } = paginate(req, `/repos/${repo.owner}/${repo.name}/pulls/${issue.number}/reviews`, items);
      return { status: 200, body: page.map((r) => review(req, repo, issue, r)), headers };
    }),
  },
  // Before commits/{ref}: its greedy {ref} would swallow "<sha>/pulls".
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{commit_sha}/pulls',
    handler: (req) => withRepo(req, (repo) => {
      const sha = req.params.commit_sha ?? '';
      const items = repo.issues.filter(isPull).filter((p) => p.pull.merge_commit_sha === sha || (p.pull.commits ?? []).includes(sha));
      const { page, headers } = paginate(req, `/repos/${repo.owner}/${repo.name}/commits/${sha}/pulls`, items);
      return { status: 200, body: page.map((p) => pullSimple(req, repo, p)), headers };
    }),
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{ref}',
    handler: (req) => withRepo(req, (repo) => {
      const body = commit(req, repo, req.params.ref ?? '');
      // GitHub: 422 "No commit found for SHA" for an id it does not know.
      return body ? { status: 200, body } : { status: 422, body: { message: `No commit found for SHA: ${req.params.ref}`, documentation_url: 'https://docs.github.com/rest' } };
    }),
  },
];
