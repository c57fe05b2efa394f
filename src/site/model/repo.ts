import { worktreeChanges } from '../../git/worktree.ts';
import { gitText } from '../../history/git.ts';

/** What the site says about where it came from. */
export interface RepoFacts {
  /** HEAD commit; null when the folder is not a git repository (or has no commits). */
  commit: string | null;
  commitDate: string | null;
  dirty: boolean;
  repoUrl: string | null;
  /** Where the license repository lies inside the git repository ("" at its top, "licenses/" in a subfolder). */
  prefix: string;
}

/** HEAD, its date, whether inventory/ has uncommitted changes, and the repository's web address. */
export async function repoFacts(root: string, env: Record<string, string | undefined>): Promise<RepoFacts> {
  let commit: string | null = null;
  try {
    commit = await gitText(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  } catch {
    return { commit: null, commitDate: null, dirty: false, repoUrl: null, prefix: '' };
  }
  const commitDate = new Date(Number(await gitText(root, ['log', '-1', '--format=%ct', commit])) * 1000).toISOString().replace('.000Z', 'Z');
  const dirty = (await worktreeChanges(root, commit, 'inventory').catch(() => [])).length > 0;
  const origin = await gitText(root, ['remote', 'get-url', 'origin']).catch(() => '');
  const prefix = await gitText(root, ['rev-parse', '--show-prefix']).catch(() => '');
  return { commit, commitDate, dirty, repoUrl: repoWebUrl(env, origin), prefix };
}

/**
 * The repository's web address: GITHUB_SERVER_URL/GITHUB_REPOSITORY in Actions (GitHub Enterprise
 * Server too), else the origin remote when it is an http(s) or scp-style ssh address; null otherwise
 * (a local path, or no remote) so that the site links to its own source view.
 */
export function repoWebUrl(env: Record<string, string | undefined>, origin: string): string | null {
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY) return `${env.GITHUB_SERVER_URL.replace(/\/+$/, '')}/${env.GITHUB_REPOSITORY}`;
  const url = origin.trim();
  const strip = (path: string) => path.replace(/\.git$/, '').replace(/\/+$/, '');
  const http = /^https?:\/\/(?:[^@/]+@)?([^/]+)\/(.+)$/.exec(url);
  if (http) return `https://${http[1]}/${strip(http[2]!)}`;
  const ssh = /^(?:ssh:\/\/)?(?:[^@/]+@)?([^:/]+)[:/](?!\/)(.+)$/.exec(url);
  if (ssh && !url.startsWith('/') && !url.startsWith('file:')) return `https://${ssh[1]}/${strip(ssh[2]!).replace(/^\d+\//, '')}`;
  return null;
}
