// A hostile vendor (or proxy) for redaction tests: every answer echoes the request's headers and
// body into the fields vendors put their error text in (Okta errorSummary, Graph/Google
// error.message, Zoom message, GitHub message, OAuth error_description, Slack error), or into a
// 200 body that is not JSON. Token requests (POST) can be answered properly so that the API
// calls, which carry the issued access token, are the ones that echo.
import { startFake, type FakeResponse, type RecordedRequest, type VendorFake } from './server.ts';

export type EchoMode = '401' | '500' | 'malformed-200' | 'slack-error-200';

export interface EchoScenario {
  mode: EchoMode;
  /** `token`: the token request (POST) echoes; `api`: it succeeds and the first API call echoes. */
  failAt: 'token' | 'api';
  /** The access token the token endpoint issues in the `api` phase. */
  accessToken: string;
  /** Requests not under these path prefixes go to `forward` (the GitHub fake behind a "proxy"). */
  vendorPaths?: string[];
  forward?: string;
}

export interface EchoFake extends VendorFake {
  /** Every body the fake answered with: the test checks that the secrets were really in them. */
  sent: string[];
}

/**
 * The request as a proxy error page would show it: the credentials first (the body and the
 * Authorization header, so that no length limit alone hides them), then every header line,
 * the headers as JSON and the query.
 */
export function echoText(req: RecordedRequest): string {
  const lines = Object.entries(req.headers).map(([k, v]) => `${k}: ${String(v)}`);
  return `${req.body} authorization: ${req.headers.authorization ?? ''}\n${lines.join('\n')}\nheaders=${JSON.stringify(req.headers)}\n${req.method} ${req.path}?${req.query.toString()}`;
}

function answer(req: RecordedRequest, mode: EchoMode): FakeResponse {
  const echo = echoText(req);
  if (mode === 'malformed-200') return { status: 200, headers: { 'content-type': 'application/json' }, body: `{"echo": ${echo}` };
  if (mode === 'slack-error-200') return { status: 200, body: { ok: false, error: echo, needed: echo } };
  const status = Number(mode);
  const fields = req.method === 'POST'
    ? { error: echo, error_description: echo, reason: echo, message: echo }
    : { message: echo, code: echo, errorCode: echo, errorSummary: echo, errorCauses: [{ errorSummary: echo }], error: { code: echo, message: echo, status: echo }, errors: [{ message: echo }], echo: { headers: req.headers, body: req.body } };
  return { status, body: fields };
}

export async function startEchoFake(scenario: EchoScenario): Promise<EchoFake> {
  const sent: string[] = [];
  const route = async (req: RecordedRequest): Promise<FakeResponse> => {
    if (scenario.forward && !(scenario.vendorPaths ?? []).some((p) => req.path.startsWith(p))) return forward(scenario.forward, req);
    const response = req.method === 'POST' && scenario.failAt === 'api'
      ? { body: { access_token: scenario.accessToken, token_type: 'Bearer', expires_in: 3599 } }
      : answer(req, scenario.mode);
    sent.push(typeof response.body === 'string' ? response.body : JSON.stringify(response.body));
    return response;
  };
  const fake = await startFake({ 'GET /*': route, 'POST /*': route, 'PATCH /*': route, 'PUT /*': route, 'DELETE /*': route });
  return Object.assign(fake, { sent });
}

/** Passes a request on to `base` unchanged and relays the answer. */
async function forward(base: string, req: RecordedRequest): Promise<FakeResponse> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k)) headers[k] = v;
  const query = req.query.toString();
  const r = await fetch(`${base}${req.path}${query ? `?${query}` : ''}`, { method: req.method, headers, ...(req.body ? { body: req.body } : {}) });
  const out: Record<string, string> = {};
  r.headers.forEach((v, k) => {
    if (!['content-length', 'transfer-encoding', 'connection', 'keep-alive'].includes(k)) out[k] = v;
  });
  return { status: r.status, headers: out, body: Buffer.from(await r.arrayBuffer()) };
}
