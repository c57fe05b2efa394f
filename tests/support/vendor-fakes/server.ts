// A tiny HTTP fake for vendor APIs: routes by method and path, records every request, and
// remembers any request no route expected so a test can fail on it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  /** A string or Buffer is sent as is; anything else as JSON. */
  body?: unknown;
}

export type Route = (req: RecordedRequest, fake: VendorFake) => FakeResponse | Promise<FakeResponse>;

export interface VendorFake {
  url: string;
  requests: RecordedRequest[];
  unexpected: string[];
  /** Requests whose path starts with the given prefix. */
  requestsTo(pathPrefix: string): RecordedRequest[];
  close(): Promise<void>;
}

/** Starts a fake on 127.0.0.1, port 0. Routes are keyed `"GET /path"`, or `"GET /prefix*"` for a prefix. */
export async function startFake(routes: Record<string, Route>): Promise<VendorFake> {
  const requests: RecordedRequest[] = [];
  const unexpected: string[] = [];
  const server = http.createServer();
  const fake: VendorFake = {
    url: '',
    requests,
    unexpected,
    requestsTo: (prefix) => requests.filter((r) => r.path.startsWith(prefix)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  server.on('request', (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: decodeURIComponent(url.pathname),
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const key = `${recorded.method} ${recorded.path}`;
      const route = routes[key] ?? Object.entries(routes).find(([k]) => k.endsWith('*') && key.startsWith(k.slice(0, -1)))?.[1];
      if (!route) {
        unexpected.push(key);
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"no route in fake"}');
        return;
      }
      Promise.resolve(route(recorded, fake)).then(
        (answer) => {
          const body = answer.body;
          const isRaw = typeof body === 'string' || Buffer.isBuffer(body);
          const headers = { ...(isRaw || body === undefined ? {} : { 'content-type': 'application/json' }), ...answer.headers };
          res.writeHead(answer.status ?? 200, headers);
          res.end(body === undefined ? undefined : isRaw ? body : JSON.stringify(body));
        },
        (error: unknown) => {
          unexpected.push(`${key} threw ${String(error)}`);
          res.writeHead(500).end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

/** Returns the 1-based page number from a cursor-ish query value like "page-2". */
export function pageOf(value: string | null): number {
  const match = /(\d+)$/.exec(value ?? '');
  return match ? Number(match[1]) : 1;
}
