import { afterEach, describe, expect, it } from 'vitest';
import { makeHttp, requestJson, retryPolicy, sameOrigin, send } from '../../src/usage/http/index.ts';
import { ConnectorError } from '../../src/usage/types.ts';
import { startFake, type VendorFake } from '../support/vendor-fakes/server.ts';
import { rejection } from './helpers.ts';

let fake: VendorFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function http(waits: number[], extra: { timeoutMs?: number; signal?: AbortSignal; timeout?: (ms: number) => AbortSignal } = {}) {
  const { timeout, ...rest } = extra;
  return makeHttp({
    vendor: 'Acme',
    fetch: globalThis.fetch,
    policy: retryPolicy({ maxAttempts: 3, maxWaitMs: 5_000, baseDelayMs: 100, sleep: async (ms) => void waits.push(ms), ...(timeout ? { timeout } : {}) }),
    ...rest,
  });
}

describe('send', () => {
  it('retries a 503 with exponential backoff, then gives up with a ConnectorError', async () => {
    fake = await startFake({ 'GET /x': () => ({ status: 503, body: { error: 'maintenance' } }) });
    const waits: number[] = [];
    const error = await rejection(send(http(waits), `${fake.url}/x?cursor=secret`));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.message).toBe(`Acme: ${fake.url}/x still answered 503 after 3 attempts`);
    expect(waits).toEqual([100, 200]);
    expect(fake.requests).toHaveLength(3);
  });

  it('retries a 503 once and returns the success', async () => {
    let calls = 0;
    fake = await startFake({ 'GET /x': () => (++calls === 1 ? { status: 503, headers: { 'retry-after': '1' } } : { body: { ok: 1 } }) });
    const waits: number[] = [];
    const { body } = await requestJson(http(waits), `${fake.url}/x`);
    expect(body).toEqual({ ok: 1 });
    expect(waits).toEqual([1_000]);
  });

  it('gives up on a server that does not answer within the time limit', async () => {
    // The limit runs out when the fake holds the request, not after some wall time: the verdict cannot depend on load.
    const limits: number[] = [];
    let expire = () => {};
    const timeout = (ms: number) => {
      limits.push(ms);
      const controller = new AbortController();
      expire = () => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
      return controller.signal;
    };
    fake = await startFake({
      'GET /slow': () => {
        expire();
        return new Promise(() => undefined);
      },
    });
    const waits: number[] = [];
    const error = await rejection(send(http(waits, { timeoutMs: 150, timeout }), `${fake.url}/slow`));
    expect(error.message).toBe(`Acme: request to ${fake.url}/slow timed out after 3 attempts`);
    expect(limits).toEqual([150, 150, 150]);
    expect(waits).toEqual([100, 200]);
    expect(fake.requests).toHaveLength(3);
  });

  it('reports a refused connection without retrying forever', async () => {
    fake = await startFake({});
    const url = `${fake.url}/gone`;
    await fake.close();
    fake = undefined;
    const waits: number[] = [];
    const error = await rejection(send(http(waits), url));
    expect(error.message).toBe(`Acme: request to ${url} failed after 3 attempts`);
    expect(waits).toEqual([100, 200]);
  });

  it('stops at once when the pull is cancelled', async () => {
    fake = await startFake({ 'GET /x': () => ({ body: {} }) });
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(send(http([], { signal: controller.signal }), `${fake.url}/x`));
    expect(error.message).toBe('Acme: the pull was cancelled');
  });

  it('refuses to follow a next-page link to another origin', () => {
    const h = http([]);
    expect(sameOrigin(h, 'https://a.okta.com/api/v1/users', '/api/v1/users?after=2')).toBe('https://a.okta.com/api/v1/users?after=2');
    expect(() => sameOrigin(h, 'https://a.okta.com/api/v1/users', 'https://evil.example/steal')).toThrow(
      'Acme: the next-page link points at https://evil.example, not https://a.okta.com; refusing to send credentials there',
    );
  });
});
