// Routes requests to handlers by GitHub's path templates; handlers get parsed, validated input.
import type { FakeState } from './state.ts';
import type { Urls } from './objects.ts';

export interface FakeRequest {
  method: string;
  /** The path template of the matched operation, e.g. `/repos/{owner}/{repo}/pulls`. */
  route: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: Record<string, unknown>;
  state: FakeState;
  urls: Urls;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Set when the request is legal but not what a correct client sends: recorded as a violation. */
  violation?: string;
}

export type Handler = (req: FakeRequest) => FakeResponse;

export interface Route {
  method: string;
  path: string;
  handler: Handler;
}

interface CompiledRoute extends Route {
  regex: RegExp;
  names: string[];
}

/** Path parameters that may hold slashes (`heads/lac/x`) when a client does not encode them. */
const greedy = new Set(['ref', 'branch']);

export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(routes: Route[]): this {
    for (const route of routes) {
      const names: string[] = [];
      const segments = route.path.split('/').slice(1);
      const pattern = segments
        .map((segment, i) => {
          const param = /^\{(\w+)\}$/.exec(segment)?.[1];
          if (!param) return `/${segment.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&')}`;
          names.push(param);
          return greedy.has(param) && i === segments.length - 1 ? '/(.+)' : '/([^/]+)';
        })
        .join('');
      this.routes.push({ ...route, regex: new RegExp(`^${pattern}$`), names });
    }
    return this;
  }

  /** The route serving `method pathname`, with decoded path parameters; undefined when none does. */
  match(method: string, pathname: string): { route: Route; params: Record<string, string> } | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const m = route.regex.exec(pathname);
      if (!m) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1] ?? '')));
      return { route, params };
    }
    return undefined;
  }
}

/** GitHub's error bodies. */
export function notFound(): FakeResponse {
  return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } };
}

/** GitHub's 422: `errors[]` items carry a message only for code `custom` (as GitHub does). */
export function validationFailed(message: string, error: { resource: string; field: string; code: string }): FakeResponse {
  const item = error.code === 'custom' ? { ...error, message } : error;
  return { status: 422, body: { message: 'Validation Failed', errors: [item], documentation_url: 'https://docs.github.com/rest' } };
}

/** One page of `items` with GitHub's `Link` header (per_page default 30, max 100; page from 1). */
export function paginate<T>(req: FakeRequest, path: string, items: T[], defaultPerPage = 30): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Math.max(Number(req.query.per_page ?? defaultPerPage) || defaultPerPage, 1), 100);
  const page = Math.max(Number(req.query.page ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (n: number, rel: string) => {
    const query = new URLSearchParams({ ...req.query, per_page: String(perPage), page: String(n) });
    return `<${req.urls.api}${path}?${query.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return { page: items.slice((page - 1) * perPage, page * perPage), headers: links.length ? { link: links.join(', ') } : {} };
}
