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
    blob: (file, line) => `${sourceRoute(file, line)}${line ? `#L${line}` : ''}`,
    commit: (sha) => `/audit/commit/${sha}/`,
    pull: () => null,
    local: true,
  };
}

/**
 * Lines on one page of the site's view of a file. At 100,000 people people.yaml is about 600,000 lines, 23 MB of HTML
 * as one page: too large for a browser to show and for the build to hold while writing it (issue 16).
 */
export const SOURCE_LINES = 10_000;

/** The first line of the part of a file's view that holds `line` (1 for the first part). */
const sourcePartStart = (line: number) => Math.floor((Math.max(line, 1) - 1) / SOURCE_LINES) * SOURCE_LINES + 1;

/** The page of a file's view that holds `line` (the first part's without one): /source/<file>/, then /source/<file>/lines-10001/... */
export const sourceRoute = (file: string, line?: number) => {
  const start = line === undefined ? 1 : sourcePartStart(line);
  return `/source/${file}/${start === 1 ? '' : `lines-${start}/`}`;
};
