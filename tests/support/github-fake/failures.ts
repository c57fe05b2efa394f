// Injected failures: the next N requests (optionally to one route) answer a rate limit or a server error.
import type { FakeResponse, Router } from './router.ts';

export interface FailureSpec {
  /** 403 = primary rate limit (x-ratelimit-remaining: 0), 429 = secondary rate limit (retry-after), 500 = server error. */
  status: 403 | 429 | 500;
  count?: number;
  /** `METHOD /template` or `METHOD /actual/path`; any request when absent. */
  route?: string;
  /** Seconds until the rate limit resets (403) or to wait (429). Default 1. */
  after?: number;
}

export class Failures {
  private readonly queue: Array<FailureSpec & { left: number }> = [];
  private readonly router: Router;

  constructor(router: Router) {
    this.router = router;
  }

  add(spec: FailureSpec): void {
    this.queue.push({ ...spec, left: spec.count ?? 1 });
  }

  /** The failure this request should get, if any; uses it up. */
  take(method: string, pathname: string): FailureSpec | undefined {
    const index = this.queue.findIndex((f) => {
      if (!f.route) return true;
      const [m, p = ''] = f.route.split(' ');
      return m === method && (p === pathname || this.router.match(method, pathname)?.route.path === p);
    });
    const failure = this.queue[index];
    if (!failure) return undefined;
    if (--failure.left <= 0) this.queue.splice(index, 1);
    return failure;
  }

  pending(): FailureSpec[] {
    return this.queue.map(({ left, ...spec }) => ({ ...spec, count: left }));
  }

  /** Forgets all pending failures and returns them. */
  drain(): FailureSpec[] {
    const out = this.pending();
    this.queue.length = 0;
    return out;
  }
}

/** GitHub's answers for each kind of failure (messages as GitHub words them; the throttling plugin reads them). */
export function failureResponse(f: FailureSpec): FakeResponse {
  const after = f.after ?? 1;
  const docs = 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api';
  if (f.status === 403) {
    return {
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + after), 'x-ratelimit-limit': '5000' },
      body: { message: 'API rate limit exceeded for installation ID 1.', documentation_url: docs },
    };
  }
  if (f.status === 429) {
    return { status: 429, headers: { 'retry-after': String(after) }, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: docs } };
  }
  return { status: 500, body: { message: 'Server Error' } };
}
