/** Where the site links a file line, a commit and a pull request: the repository's web pages, or the site's own views. */
export interface Links {
  blob(file: string, line?: number): string;
  commit(sha: string): string;
  pull(n: number): string | null;
  /** True when blob() points at the site's own source pages. */
  local: boolean;
}

export function links(repoUrl: string | null, commit: string | null, prefix = ''): Links {
  if (repoUrl && commit) {
    return {
      blob: (file, line) => `${repoUrl}/blob/${commit}/${`${prefix}${file}`.split('/').map(encodeURIComponent).join('/')}${line ? `#L${line}` : ''}`,
      commit: (sha) => `${repoUrl}/commit/${sha}`,
      pull: (n) => `${repoUrl}/pull/${n}`,
      local: false,
    };
  }
  return {
    blob: (file, line) => `${sourceRoute(file)}${line ? `#L${line}` : ''}`,
    commit: (sha) => `/audit/commit/${sha}/`,
    pull: () => null,
    local: true,
  };
}

export const sourceRoute = (file: string) => `/source/${file}/`;
