import { expect } from 'vitest';
import { createValidators, validateData } from '../../src/inventory/validate.ts';
import type { ConnectorContext, PullResult } from '../../src/usage/types.ts';
import type { ConnectorOptions } from '../../src/usage/shared/options.ts';

/** A context pointed at a fake; `today` is fixed so tests never depend on the clock. */
export function context(config: Record<string, unknown>, env: Record<string, string>, extra: Partial<ConnectorContext> = {}): ConnectorContext {
  return { config, env, today: '2026-11-20', fetch: globalThis.fetch, ...extra };
}

/**
 * Connector options whose sleep records the waits instead of waiting, and whose per-request time
 * limit never runs out on its own: a loaded machine must not turn a slow answer into a failure
 * (a request that hangs for good still fails, at the test's own time budget).
 */
export function fastOptions(): ConnectorOptions & { waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    retry: {
      sleep: async (ms: number) => {
        waits.push(ms);
      },
      timeout: () => new AbortController().signal,
      maxAttempts: 4,
      maxWaitMs: 10_000,
    },
  };
}

/** Runs a promise expected to reject and returns the error, failing if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error & { hint?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { hint?: string };
  }
  throw new Error('expected the promise to reject, but it resolved');
}


let validators: ReturnType<typeof createValidators> | undefined;

/** Fails unless a pull result would make a valid usage snapshot (the schema `lac pull` writes). */
export function expectFitsSnapshot(result: PullResult, source: string): void {
  validators ??= createValidators();
  const snapshot = {
    license: 'test-license',
    source,
    taken: '2026-11-20T10:00:00Z',
    accounts: result.accounts,
    ...(result.peaks ? { peaks: result.peaks } : {}),
    ...(result.vendor_entitled ? { vendor_entitled: result.vendor_entitled } : {}),
  };
  expect(validateData(validators, 'usage', snapshot)).toEqual([]);
}
