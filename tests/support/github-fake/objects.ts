// GitHub's representations of users, repositories and labels, shaped to pass GitHub's schemas.
import type { FakeState, LabelState, RepoState } from './state.ts';

export type Obj = Record<string, unknown>;

/** Where the fake says resources live: its own base URL, like GitHub Enterprise Server would. */
export interface Urls {
  api: string;
  web: string;
}

export function nodeId(kind: string, id: number): string {
  return Buffer.from(`${kind}:${id}`).toString('base64').replace(/=+$/, '');
}

export function simpleUser(state: FakeState, urls: Urls, login: string): Obj {
  const id = state.userId(login);
  const api = `${urls.api}/users/${encodeURIComponent(login)}`;
  const bot = login.endsWith('[bot]');
  return {
    login,
    id,
    node_id: nodeId('User', id),
    avatar_url: `${urls.web}/avatars/${encodeURIComponent(login)}`,
    gravatar_id: '',
    url: api,
    html_url: bot ? `${urls.web}/apps/${login.slice(0, -'[bot]'.length)}` : `${urls.web}/${login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: bot ? 'Bot' : 'User',
    site_admin: false,
  };
}

function repoUrls(urls: Urls, repo: RepoState): Obj {
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  const t = (suffix: string) => `${api}/${suffix}`;
  return {
    url: api,
    html_url: `${urls.web}/${repo.owner}/${repo.name}`,
    archive_url: t('{archive_format}{/ref}'),
    assignees_url: t('assignees{/user}'),
    blobs_url: t('git/blobs{/sha}'),
    branches_url: t('branches{/branch}'),
    collaborators_url: t('collaborators{/collaborator}'),
    comments_url: t('comments{/number}'),
    commits_url: t('commits{/sha}'),
    compare_url: t('compare/{base}...{head}'),
    contents_url: t('contents/{+path}'),
    contributors_url: t('contributors'),
    deployments_url: t('deployments'),
    downloads_url: t('downloads'),
    events_url: t('events'),
    forks_url: t('forks'),
    git_commits_url: t('git/commits{/sha}'),
    git_refs_url: t('git/refs{/sha}'),
    git_tags_url: t('git/tags{/sha}'),
    hooks_url: t('hooks'),
    issue_comment_url: t('issues/comments{/number}'),
    issue_events_url: t('issues/events{/number}'),
    issues_url: t('issues{/number}'),
    keys_url: t('keys{/key_id}'),
    labels_url: t('labels{/name}'),
    languages_url: t('languages'),
    merges_url: t('merges'),
    milestones_url: t('milestones{/number}'),
    notifications_url: t('notifications{?since,all,participating}'),
    pulls_url: t('pulls{/number}'),
    releases_url: t('releases{/id}'),
    stargazers_url: t('stargazers'),
    statuses_url: t('statuses/{sha}'),
    subscribers_url: t('subscribers'),
    subscription_url: t('subscription'),
    tags_url: t('tags'),
    teams_url: t('teams'),
    trees_url: t('git/trees{/sha}'),
    clone_url: `${urls.web}/${repo.owner}/${repo.name}.git`,
    git_url: `git://fake/${repo.owner}/${repo.name}.git`,
    ssh_url: `git@fake:${repo.owner}/${repo.name}.git`,
    svn_url: `${urls.web}/${repo.owner}/${repo.name}`,
    mirror_url: null,
  };
}

/** The `repository` schema (as in a PR's head and base). */
export function repository(state: FakeState, urls: Urls, repo: RepoState): Obj {
  const openIssues = repo.issues.filter((i) => i.state === 'open').length;
  return {
    id: repo.id,
    node_id: nodeId('Repository', repo.id),
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    owner: simpleUser(state, urls, repo.owner),
    private: repo.private,
    description: null,
    fork: false,
    ...repoUrls(urls, repo),
    homepage: null,
    language: null,
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    size: 0,
    default_branch: repo.default_branch,
    open_issues: openIssues,
    open_issues_count: openIssues,
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: false,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: repo.private ? 'private' : 'public',
    license: null,
    pushed_at: '2026-01-01T00:00:00Z',
    created_at: '2025-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  };
}

/** The `full-repository` schema (GET /repos/{owner}/{repo}). */
export function fullRepository(state: FakeState, urls: Urls, repo: RepoState): Obj {
  return { ...repository(state, urls, repo), network_count: 0, subscribers_count: 0 };
}

export function label(urls: Urls, repo: RepoState, l: LabelState): Obj {
  return {
    id: l.id,
    node_id: nodeId('Label', l.id),
    url: `${urls.api}/repos/${repo.owner}/${repo.name}/labels/${encodeURIComponent(l.name)}`,
    name: l.name,
    description: l.description,
    color: l.color,
    default: false,
  };
}
