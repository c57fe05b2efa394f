// Issue and pull-request comments: list, create, update.
import { nodeId, simpleUser, type Obj } from './objects.ts';
import { withIssue } from './issues.ts';
import { withRepo } from './repos.ts';
import { notFound, paginate, type FakeRequest, type Route } from './router.ts';
import type { CommentState, RepoState } from './state.ts';

function commentObject(req: FakeRequest, repo: RepoState, c: CommentState): Obj {
  const api = `${req.urls.api}/repos/${repo.owner}/${repo.name}`;
  const issue = repo.issues.find((i) => i.number === c.issue_number);
  return {
    id: c.id,
    node_id: nodeId('IssueComment', c.id),
    url: `${api}/issues/comments/${c.id}`,
    html_url: `${req.urls.web}/${repo.owner}/${repo.name}/${issue?.pull ? 'pull' : 'issues'}/${c.issue_number}#issuecomment-${c.id}`,
    issue_url: `${api}/issues/${c.issue_number}`,
    body: c.body,
    user: simpleUser(req.state, req.urls, c.user),
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: c.user === repo.owner ? 'OWNER' : 'NONE',
  };
}

export const commentRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    handler: (req) =>
      withIssue(req, (repo, issue) => {
        const since = req.query.since;
        const all = repo.comments.filter((c) => c.issue_number === issue.number && (!since || c.updated_at >= since));
        const { page, headers } = paginate(req, `/repos/${repo.owner}/${repo.name}/issues/${issue.number}/comments`, all);
        return { status: 200, body: page.map((c) => commentObject(req, repo, c)), headers };
      }),
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    handler: (req) =>
      withIssue(req, (repo, issue) => {
        const now = req.state.now();
        const comment: CommentState = { id: req.state.nextId(), issue_number: issue.number, body: String(req.body.body), user: req.state.viewer, created_at: now, updated_at: now };
        repo.comments.push(comment);
        return { status: 201, body: commentObject(req, repo, comment), headers: { location: `${req.urls.api}/repos/${repo.owner}/${repo.name}/issues/comments/${comment.id}` } };
      }),
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
    handler: (req) =>
      withRepo(req, (repo) => {
        const comment = repo.comments.find((c) => c.id === Number(req.params.comment_id));
        if (!comment) return notFound();
        comment.body = String(req.body.body);
        comment.updated_at = req.state.now();
        return { status: 200, body: commentObject(req, repo, comment) };
      }),
  },
];
