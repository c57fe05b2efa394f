// The worker thread of diff-thread.ts: loads the diff's modules, then computes the one diff it is sent
// and posts its output, or what went wrong (diff-reply.ts); it then has nothing left to wait for and ends.
import { parentPort } from 'node:worker_threads';
import { computeDiff, type DiffRequest } from './diff-compute.ts';
import { failureReply, type DiffReply } from './diff-reply.ts';
import type { DiffMessage } from './diff-thread.ts';
import { serveNextFrom } from '../../diff/worker-client.ts';

const reply = (request: DiffRequest): Promise<DiffReply> => computeDiff(request).then((ok) => ({ ok }), failureReply);

parentPort!.once('message', ({ request, reads }: DiffMessage) => {
  serveNextFrom(reads);
  void reply(request).then((r) => parentPort!.postMessage(r));
});
