// The worker thread of diff-thread.ts: loads the diff's modules, then computes the one diff it is sent
// and posts its output, or what went wrong; it then has nothing left to wait for and ends.
import { parentPort } from 'node:worker_threads';
import { ReadRefused } from '../../util/fs/read-bounded.ts';
import { UserError } from '../errors.ts';
import { computeDiff, type DiffRequest } from './diff-compute.ts';
import type { DiffReply } from './diff-thread.ts';

async function reply(request: DiffRequest): Promise<DiffReply> {
  try {
    return { ok: await computeDiff(request) };
  } catch (e) {
    if (e instanceof UserError) return { user: { message: e.message, ...(e.hint ? { hint: e.hint } : {}) } };
    if (e instanceof ReadRefused) return { user: { message: `${e.path}: ${e.message}`, hint: e.hint } };
    return { bug: { message: (e as Error)?.message ?? String(e), stack: (e as Error)?.stack ?? String(e) } };
  }
}

parentPort!.once('message', (request: DiffRequest) => void reply(request).then((r) => parentPort!.postMessage(r)));
