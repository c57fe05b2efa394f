// A stateful fake of GitHub's REST API on 127.0.0.1. Every request and response is checked against
// GitHub's OpenAPI description; anything unexpected is recorded and fails the test (see hooks.ts).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { commentRoutes } from './comments.ts';
import { failureResponse, Failures, type FailureSpec } from './failures.ts';
import { copilotRoutes } from './copilot.ts';
import { enterpriseRoutes } from './enterprise.ts';
import { issueRoutes, labelFor } from './issues.ts';
import { labelRoutes } from './labels.ts';
import { mergePull, pullRoutes } from './pulls.ts';
import { repoRoutes } from './repos.ts';
import { reviewRoutes } from './reviews.ts';
import { Router, type FakeResponse } from './router.ts';
import { findOperation } from './spec.ts';
import { fakeSha, FakeState, type ConsumedLicenseUser, type CommitFactsState, type CopilotSeatState, type RepoState, type ReviewState } from './state.ts';
import { OperationValidator } from './validator.ts';

export type { ConsumedLicenseUser, CopilotSeatState, IssueState, RepoState } from './state.ts';
export { FakeState } from './state.ts';
export type { FailureSpec } from './failures.ts';

export interface RecordedRequest {
  method: string;
  /** Path with query string, as sent (without the base path). */
  url: string;
  /** The operation's path template, when one matched. */
  route?: string;
  body: unknown;
  status: number;
  injected?: boolean;
}

export interface Violation {
  kind: 'unserved' | 'request' | 'response' | 'client' | 'crash' | 'unused';
  request: string;
  problems: string[];
}

export interface GitHubFakeOptions {
  /** Repositories to create, `owner/name` or with options. */
  repos?: Array<string | { name: string; defaultBranch?: string; gitDir?: string; private?: boolean }>;
  /** The login that the token belongs to; default `lac-bot[bot]`. */
  viewer?: string;
  /** When set, requests must carry this token; others get 401. */
  token?: string;
  /** Serve under a prefix, as GitHub Enterprise Server does with `/api/v3`. */
  basePath?: string;
}

const router = new Router().add([...repoRoutes, ...pullRoutes, ...issueRoutes, ...labelRoutes, ...commentRoutes, ...reviewRoutes, ...copilotRoutes, ...enterpriseRoutes]);
const validators = new Map<string, OperationValidator>();
function validatorFor(method: string, template: string): OperationValidator {
  const key = `${method} ${template}`;
  let v = validators.get(key);
  if (!v) validators.set(key, (v = new OperationValidator(findOperation(method, template))));
  return v;
}

export class GitHubFake {
  /** Replaced by `reset()`: read it through the fake, do not keep a reference across tests. */
  state: FakeState;
  readonly requests: RecordedRequest[] = [];
  readonly violations: Violation[] = [];
  /** Base URL for clients, e.g. `http://127.0.0.1:41234` (plus the base path). */
  url = '';
  private readonly server: http.Server;
  private readonly failures = new Failures(router);
  private readonly options: GitHubFakeOptions;

  constructor(options: GitHubFakeOptions = {}) {
    this.options = options;
    this.state = initialState(options);
    this.server = http.createServer((req, res) => void this.serve(req, res));
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}${this.options.basePath ?? ''}`;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((e) => (e ? reject(e) : resolve())));
  }

  /** Environment for code under test: API URL, token, repository and short client waits. */
  env(repository = [...this.state.repos.values()][0]): Record<string, string> {
    const env: Record<string, string> = {
      GITHUB_API_URL: this.url,
      GITHUB_TOKEN: this.options.token ?? 'fake-token',
      // Short waits for a CLI run as a child process (see src/github/client.ts).
      LAC_GITHUB_WAIT_UNIT_MS: '5',
      LAC_GITHUB_WRITE_GAP_MS: '0',
    };
    if (repository) env.GITHUB_REPOSITORY = `${repository.owner}/${repository.name}`;
    return env;
  }

  /** Requests that change state (anything but GET and HEAD). */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD');
  }

  /** Back to the state the options describe: no PRs, issues, labels, seats; no requests or failures. */
  reset(): void {
    this.state = initialState(this.options);
    this.requests.length = 0;
    this.violations.length = 0;
    this.failures.drain();
  }

  /** Forgets recorded requests (not state), e.g. between two runs of the code under test. */
  clearRequests(): void {
    this.requests.length = 0;
  }

  /** The next `count` requests (matching `route`) fail with a rate limit or a server error. */
  failNext(spec: FailureSpec): void {
    this.failures.add(spec);
  }

  /** Failures set up with failNext that no request has used yet. */
  pendingFailures(): FailureSpec[] {
    return this.failures.pending();
  }

  /**
   * Throws when any request was unexpected or invalid, a response broke GitHub's schema, or an
   * injected failure was never used (the test expected a request that never came). Resets both.
   */
  assertNoViolations(): void {
    for (const f of this.failures.drain()) {
      this.violations.push({ kind: 'unused', request: `failNext ${f.status}${f.route ? ` ${f.route}` : ''}`, problems: [`${f.count} injected failure(s) never used`] });
    }
    if (this.violations.length === 0) return;
    const lines = this.violations.map((v) => `  ${v.kind}: ${v.request}\n    ${v.problems.join('\n    ')}`);
    this.violations.length = 0;
    throw new Error(`github-fake saw ${lines.length} unexpected request(s) or response(s):\n${lines.join('\n')}`);
  }

  repo(fullName: string): RepoState {
    const [owner = '', name = ''] = fullName.split('/');
    const repo = this.state.repo(owner, name);
    if (!repo) throw new Error(`github-fake: no repository ${fullName}`);
    return repo;
  }

  /** Creates a branch in a repository that no bare git repository backs. */
  addBranch(fullName: string, branch: string, sha = fakeSha(`${fullName}@${branch}`)): void {
    const repo = this.repo(fullName);
    if (repo.gitDir) throw new Error('github-fake: this repository reads its branches from git; push the branch instead');
    repo.branches.set(branch, sha);
  }

  /** Opens an issue as a person would (in the web UI or with an issue form); returns its number. */
  openIssue(fullName: string, issue: { title: string; body: string; labels?: string[]; user?: string }): number {
    const repo = this.repo(fullName);
    const now = this.state.now();
    const labels = (issue.labels ?? []).map((name) => labelFor(this.state, repo, name).name);
    const number = repo.nextNumber++;
    repo.issues.push({ id: this.state.nextId(), number, title: issue.title, body: issue.body, state: 'open', state_reason: null, labels, assignees: [], user: issue.user ?? 'octo-requester', created_at: now, updated_at: now, closed_at: null, locked: false });
    return number;
  }

  /** Merges an open pull request as a person would in the web UI. */
  mergePull(fullName: string, number: number, by = 'octo-admin'): void {
    const repo = this.repo(fullName);
    const pr = repo.issues.find((i) => i.number === number);
    if (!pr?.pull || pr.state !== 'open') throw new Error(`github-fake: no open pull request #${number}`);
    mergePull(this, repo, pr as typeof pr & { pull: NonNullable<typeof pr.pull> }, by);
  }

  /** A pull request that was merged (as merge commit `mergeCommit`) before the test began; returns its number. */
  addMergedPull(fullName: string, pr: { title: string; user: string; mergedBy: string; mergeCommit: string; commits?: string[]; body?: string }): number {
    const repo = this.repo(fullName);
    const now = this.state.now();
    const number = repo.nextNumber++;
    repo.issues.push({
      id: this.state.nextId(), number, title: pr.title, body: pr.body ?? null, state: 'closed', state_reason: 'completed', labels: [], assignees: [], user: pr.user,
      created_at: now, updated_at: now, closed_at: now, locked: false,
      pull: {
        id: this.state.nextId(), head: `pr-${number}`, base: repo.default_branch, draft: false, merged_at: now, merged_by: pr.mergedBy, merge_commit_sha: pr.mergeCommit,
        requested_reviewers: [], requested_teams: [], maintainer_can_modify: false, reviews: [], ...(pr.commits ? { commits: pr.commits } : {}),
      },
    });
    return number;
  }

  /** A review submitted on a pull request (in order: the last one per person is what counts). */
  addReview(fullName: string, number: number, review: { user: string; state: ReviewState['state']; body?: string }): void {
    const pr = this.repo(fullName).issues.find((i) => i.number === number);
    if (!pr?.pull) throw new Error(`github-fake: no pull request #${number}`);
    (pr.pull.reviews ??= []).push({ id: this.state.nextId(), user: review.user, state: review.state, body: review.body ?? '', submitted_at: this.state.now() });
  }

  /** What GET .../commits/{sha} answers: GitHub's signature verdict (reason as GitHub names it: valid, unsigned, unknown_key, ...). */
  setCommit(fullName: string, sha: string, verification: { verified: boolean; reason: string }, facts: Partial<Omit<CommitFactsState, 'verification'>> = {}): void {
    const repo = this.repo(fullName);
    const who = { name: 'Octo Cat', email: 'octo@example.com', date: '2026-01-05T09:00:00Z' };
    (repo.commits ??= new Map()).set(sha, {
      message: 'commit', author: who, committer: who, parents: [], ...facts,
      verification: { ...verification, signature: verification.reason === 'unsigned' ? null : '-----BEGIN SSH SIGNATURE-----\n-----END SSH SIGNATURE-----' },
    });
  }

  setCopilotSeats(org: string, seats: Array<Partial<CopilotSeatState> & { login: string }>): void {
    this.state.copilot.set(
      org.toLowerCase(),
      seats.map((s) => ({ created_at: '2025-01-01T00:00:00Z', last_activity_at: null, last_activity_editor: null, pending_cancellation_date: null, plan_type: 'business', ...s })),
    );
  }

  setConsumedLicenses(enterprise: string, purchased: number, users: ConsumedLicenseUser[]): void {
    this.state.enterprises.set(enterprise.toLowerCase(), { slug: enterprise, total_seats_purchased: purchased, users });
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
    const basePath = this.options.basePath ?? '';
    const pathname = basePath && parsed.pathname.startsWith(basePath) ? parsed.pathname.slice(basePath.length) || '/' : parsed.pathname;
    const label = `${method} ${pathname}${parsed.search}`;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    this.state.serial++;
    const record: RecordedRequest = { method, url: `${pathname}${parsed.search}`, body: undefined, status: 0 };
    this.requests.push(record);
    const send = (out: FakeResponse) => {
      record.status = out.status;
      const headers: Record<string, string> = {
        'content-type': 'application/json; charset=utf-8',
        'x-github-request-id': `FAKE:${this.requests.length}`,
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4999',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        ...out.headers,
      };
      res.writeHead(out.status, headers);
      res.end(out.body === undefined ? '' : JSON.stringify(out.body));
    };
    const violation = (kind: Violation['kind'], problems: string[]) => this.violations.push({ kind, request: label, problems });

    let body: unknown;
    if (raw !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        violation('request', ['body is not JSON']);
        return send({ status: 400, body: { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/rest' } });
      }
    }
    record.body = body;

    const failure = this.failures.take(method, pathname);
    const matched = router.match(method, pathname);
    if (matched) record.route = matched.route.path;
    if (failure) {
      record.injected = true;
      return send(failureResponse(failure));
    }
    if (!matched) {
      violation('unserved', ['no operation of the fake serves this request']);
      return send({ status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } });
    }
    if (this.options.token !== undefined) {
      const auth = req.headers.authorization ?? '';
      if (auth !== `token ${this.options.token}` && auth !== `Bearer ${this.options.token}`) {
        return send({ status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' } });
      }
    }
    const validator = validatorFor(method, matched.route.path);
    const query = Object.fromEntries(parsed.searchParams);
    const problems = validator.validateRequest({ pathParams: matched.params, query, body, hasBody: raw !== '' });
    if (problems.length > 0) {
      violation('request', problems);
      return send({ status: 422, body: { message: 'Invalid request.', documentation_url: 'https://docs.github.com/rest', errors: problems } });
    }
    let out: FakeResponse;
    try {
      const input = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
      out = matched.route.handler({ method, route: matched.route.path, params: matched.params, query, body: input, state: this.state, urls: { api: this.url, web: `${this.url}/web` } });
    } catch (error) {
      violation('crash', [String((error as Error).stack ?? error)]);
      return send({ status: 500, body: { message: 'github-fake crashed' } });
    }
    if (out.violation) violation('client', [out.violation]);
    const responseProblems = validator.validateResponse(out.status, out.body);
    if (responseProblems.length > 0) {
      // A response that breaks GitHub's schema is a bug in the fake: make it impossible to miss.
      console.error(`github-fake BUG: ${label} -> ${out.status} breaks GitHub's schema:\n  ${responseProblems.slice(0, 20).join('\n  ')}`);
      violation('response', responseProblems.slice(0, 20));
      return send({ status: 500, body: { message: `github-fake bug: response breaks GitHub's schema: ${responseProblems[0]}` } });
    }
    send(out);
  }
}

function initialState(options: GitHubFakeOptions): FakeState {
  const state = new FakeState(options.viewer ?? 'lac-bot[bot]');
  for (const repo of options.repos ?? []) {
    if (typeof repo === 'string') state.addRepo(repo);
    else state.addRepo(repo.name, repo);
  }
  return state;
}

/** Starts a fake on 127.0.0.1 on a free port. Close it in afterAll. */
export async function startGitHubFake(options: GitHubFakeOptions = {}): Promise<GitHubFake> {
  return new GitHubFake(options).listen();
}
