// Repository labels: create, get, list.
import { label } from './objects.ts';
import { withRepo } from './repos.ts';
import { notFound, paginate, validationFailed, type Route } from './router.ts';

export const labelRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/labels',
    handler: (req) =>
      withRepo(req, (repo) => {
        const { page, headers } = paginate(req, `/repos/${repo.owner}/${repo.name}/labels`, repo.labels);
        return { status: 200, body: page.map((l) => label(req.urls, repo, l)), headers };
      }),
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/labels/{name}',
    handler: (req) =>
      withRepo(req, (repo) => {
        const found = repo.labels.find((l) => l.name.toLowerCase() === (req.params.name ?? '').toLowerCase());
        return found ? { status: 200, body: label(req.urls, repo, found) } : notFound();
      }),
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/labels',
    handler: (req) =>
      withRepo(req, (repo) => {
        const name = String(req.body.name);
        if (repo.labels.some((l) => l.name.toLowerCase() === name.toLowerCase())) {
          return validationFailed('already_exists', { resource: 'Label', field: 'name', code: 'already_exists' });
        }
        const color = typeof req.body.color === 'string' ? req.body.color.replace(/^#/, '') : 'ededed';
        const created = { id: req.state.nextId(), name, color, description: typeof req.body.description === 'string' ? req.body.description : null };
        repo.labels.push(created);
        return { status: 201, body: label(req.urls, repo, created), headers: { location: `${req.urls.api}/repos/${repo.owner}/${repo.name}/labels/${encodeURIComponent(name)}` } };
      }),
  },
];
