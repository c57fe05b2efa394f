// The worker thread of diff-thread.ts: loads the diff's modules, then computes the one diff it is sent
// and posts its output, or what went wrong (diff-reply.ts); it then has nothing left to wait for and ends.
import { parentPort } from 'node:worker_threads';
import { setFlagsFromString } from 'node:v8';
import { computeDiff, type DiffRequest } from './diff-compute.ts';
import { failureReply, type DiffReply } from './diff-reply.ts';
import type { DiffMessage } from './diff-thread.ts';
import { serveNextFrom } from '../../diff/worker-client.ts';

const reply = (request: DiffRequest): Promise<DiffReply> => computeDiff(request).then((ok) => ({ ok }), failureReply);

parentPort!.once('message', ({ request, reads }: DiffMessage) => {
  // From here on the process (both threads) compiles without TurboFan: over a run of about two seconds, V8's
  // optimizing compiler spends more processor time on its background threads (0.45 s at XL, of 3.5 s) than its
  // faster code saves, and on two cores that time is taken from the diff; Maglev, the tier below it, still compiles
  // the hot loops. Set only now, when this thread's modules are loaded: a change of V8's flags makes it refuse the
  // code cache of Node's own modules, and each thread then compiles those it loads afterwards (about 50 ms of this
  // thread's start). Alternating pairs at XL (bench/README.md, seventeenth and eighteenth rounds).
  setFlagsFromString('--no-turbofan');
  serveNextFrom(reads);
  void reply(request).then((r) => parentPort!.postMessage(r));
});
