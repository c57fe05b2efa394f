import { describe, expect, it } from 'vitest';
import { createGitHubClient, repositoryFromEnv } from '../../src/github/client.ts';
import { GitHubConfigError, GitHubError, toGitHubError } from '../../src/github/errors.ts';

describe('GitHub client settings', () => {
  it('says what to do when the token or repository is missing or malformed', () => {
    expect(() => createGitHubClient({ env: {} })).toThrowErrorMatchingInlineSnapshot(`[GitHubConfigError: GITHUB_TOKEN is not set]`);
    expect(() => createGitHubClient({ env: { GITHUB_TOKEN: 't', GITHUB_API_URL: 'ftp://x' } })).toThrow('GITHUB_API_URL is not an http(s) URL: "ftp://x"');
    expect(() => repositoryFromEnv({})).toThrow(GitHubConfigError);
    expect(() => repositoryFromEnv({ GITHUB_REPOSITORY: 'just-a-name' })).toThrow('GITHUB_REPOSITORY must be "owner/name", not "just-a-name"');
    expect(repositoryFromEnv({ GITHUB_REPOSITORY: 'acme/licenses' })).toEqual({ owner: 'acme', repo: 'licenses' });
  });

  it('uses api.github.com unless GITHUB_API_URL says otherwise', () => {
    expect(createGitHubClient({ env: { GITHUB_TOKEN: 't' } }).request.endpoint.DEFAULTS.baseUrl).toBe('https://api.github.com');
    expect(createGitHubClient({ env: { GITHUB_TOKEN: 't', GITHUB_API_URL: 'https://ghe.acme.example/api/v3/' } }).request.endpoint.DEFAULTS.baseUrl).toBe('https://ghe.acme.example/api/v3');
  });

  it('reduces octokit errors to the operation, status and GitHub\'s message', () => {
    const requestError = {
      status: 422,
      message: 'Validation Failed',
      request: { headers: { authorization: 'token ghp_secret' } },
      response: { data: { message: 'Validation Failed', errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }, { code: 'custom', message: 'too many labels' }] } },
    };
    const error = toGitHubError('POST /repos/{owner}/{repo}/issues', requestError);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error.message).toBe('command POST /repos/{owner}/{repo}/issues failed with status 422: Validation Failed (title: missing_field; too many labels)');
    expect(JSON.stringify({ ...error, stack: error.stack })).not.toContain('ghp_secret');
    expect(toGitHubError('GET /x', new Error('fetch failed\nat line')).message).toBe('command GET /x failed with status 0: fetch failed');
  });

  it('never prints a body that is not GitHub\'s JSON, and bounds and redacts GitHub\'s message', () => {
    // Octokit makes the raw body its message when the answer is not JSON (a proxy's error page).
    const page = '<html>401: authorization: token ghp_proxyEchoedThis0123</html>';
    expect(toGitHubError('GET /x', { status: 401, message: page, response: { data: page } }).message).toBe('command GET /x failed with status 401');
    const long = toGitHubError('GET /x', { status: 500, response: { data: { message: `Bearer ghp_abcdef0123456789 ${'x'.repeat(500)}` } } }).message;
    expect(long).toMatch(/^command GET \/x failed with status 500: Bearer \[redacted\] x+…$/);
    expect(long.length).toBeLessThan(260);
  });
});
