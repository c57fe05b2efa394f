// Repositories, branches and git refs. Branches come from a real bare repository when one backs the repo.
import { execFileSync } from 'node:child_process';
import { fullRepository, nodeId } from './objects.ts';
import { notFound, paginate, type FakeRequest, type FakeResponse, type Route } from './router.ts';
import type { FakeState, RepoState } from './state.ts';

/** The repo's branches (name -> sha): `git for-each-ref` in the backing bare repository, else the in-memory map. */
export function branches(state: FakeState, repo: RepoState): Map<string, string> {
  if (!repo.gitDir) return repo.branches;
  if (repo.gitBranches?.serial === state.serial) return repo.gitBranches.map;
  const out = execFileSync('git', ['--git-dir', repo.gitDir, 'for-each-ref', '--format=%(objectname) %(refname)', 'refs/heads/'], { encoding: 'utf8' });
  const map = new Map<string, string>();
  for (const line of out.split('\n')) {
    const [sha, ref] = line.split(' ');
    if (sha && ref) map.set(ref.slice('refs/heads/'.length), sha);
  }
  repo.gitBranches = { serial: state.serial, map };
  return map;
}

/** Runs `fn` with the repository named by the request's path, or answers 404. */
export function withRepo(req: FakeRequest, fn: (repo: RepoState) => FakeResponse): FakeResponse {
  const repo = req.state.repo(req.params.owner ?? '', req.params.repo ?? '');
  return repo ? fn(repo) : notFound();
}

function gitRef(req: FakeRequest, repo: RepoState, name: string, sha: string) {
  const ref = `refs/heads/${name}`;
  return {
    ref,
    node_id: nodeId('Ref', name.length),
    url: `${req.urls.api}/repos/${repo.owner}/${repo.name}/git/${ref}`,
    object: { type: 'commit', sha, url: `${req.urls.api}/repos/${repo.owner}/${repo.name}/git/commits/${sha}` },
  };
}

export const repoRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}',
    handler: (req) => withRepo(req, (repo) => ({ status: 200, body: fullRepository(req.state, req.urls, repo) })),
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/branches',
    handler: (req) =>
      withRepo(req, (repo) => {
        const all = [...branches(req.state, repo)].sort(([a], [b]) => a.localeCompare(b));
        const { page, headers } = paginate(req, `/repos/${repo.owner}/${repo.name}/branches`, all);
        const body = page.map(([name, sha]) => ({
          name,
          commit: { sha, url: `${req.urls.api}/repos/${repo.owner}/${repo.name}/commits/${sha}` },
          protected: name === repo.default_branch,
        }));
        return { status: 200, body, headers };
      }),
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/git/ref/{ref}',
    handler: (req) =>
      withRepo(req, (repo) => {
        const name = (req.params.ref ?? '').replace(/^heads\//, '');
        const sha = req.params.ref?.startsWith('heads/') ? branches(req.state, repo).get(name) : undefined;
        return sha ? { status: 200, body: gitRef(req, repo, name, sha) } : notFound();
      }),
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/git/matching-refs/{ref}',
    handler: (req) =>
      withRepo(req, (repo) => {
        const prefix = req.params.ref ?? '';
        const body = [...branches(req.state, repo)]
          .filter(([name]) => `heads/${name}`.startsWith(prefix))
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([name, sha]) => gitRef(req, repo, name, sha));
        return { status: 200, body };
      }),
  },
];
