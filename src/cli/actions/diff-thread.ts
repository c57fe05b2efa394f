// `lac diff` computes in a worker thread whose young generation is capped. A diff of a large org
// allocates some hundreds of MB of short-lived objects while it parses; with V8's default, larger
// young generation its scavenges keep copying into memory touched for the first time, and on hosts
// where a fresh page is expensive (a virtual machine that hands idle memory back) that is a large
// part of the run. A worker is the only place a command can set this without a second start of
// node: `node --max-semi-space-size` is read once, when the main thread's heap is made.
// Measured at XL (bench/README.md, thirteenth round), six alternating pairs: median 3.06 -> 2.89 s,
// peak memory 534 -> 430 MB.
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { DiffOutput, DiffRequest } from './diff-compute.ts';
import { replyError, type DiffReply } from './diff-reply.ts';
import { warmIntl } from '../../util/intl-warm.ts';

/** The young generation of the diff's heap, in MB (V8: two semi-spaces and the space objects are promoted through). */
export const YOUNG_GENERATION_MB = 24;

// The worker is the same kind of module as this one: compiled JavaScript in dist/, TypeScript in src/ (tests).
const WORKER = new URL(`./diff-worker${import.meta.url.slice(import.meta.url.lastIndexOf('.'))}`, import.meta.url);

/** A started worker, and what happened to it before anyone listened. */
interface Started {
  worker: Worker;
  failed?: Error;
  exited?: number;
}

function start(): Started {
  const s: Started = { worker: new Worker(WORKER, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }) };
  s.worker.on('error', (e) => void (s.failed ??= e));
  s.worker.on('exit', (code) => void (s.exited ??= code));
  return s;
}

/** What the worker is sent: the diff to compute, and the port on which this thread serves its reads. */
export interface DiffMessage {
  request: DiffRequest;
  reads: MessagePort;
}

let early: Started | undefined;

/**
 * Starts the diff's worker thread before the command line is read: it loads its modules on the other
 * core while this thread loads the CLI's. It does not keep the process alive; diffInThread uses it.
 */
export function prestartDiffThread(): void {
  if (early) return;
  early = start();
  early.worker.unref();
}

/** Runs computeDiff (diff-compute.ts) in a worker thread (the prestarted one, if any); throws UserError or ReadRefused, as computeDiff would, for what the user can fix. */
export function diffInThread(request: DiffRequest): Promise<DiffOutput> {
  const s = early ?? start();
  early = undefined;
  s.worker.ref();
  return new Promise((resolve, reject) => {
    const stopped = (code: number) => new Error(`the diff's worker thread stopped (exit code ${code}) without an answer`);
    if (s.failed) return reject(s.failed);
    if (s.exited !== undefined) return reject(stopped(s.exited));
    let answered = false;
    s.worker.once('message', (r: DiffReply) => {
      answered = true;
      if ('ok' in r) resolve(r.ok);
      else reject(replyError(r));
    });
    // Out of memory, or a failure before the worker could answer.
    s.worker.once('error', (e) => {
      answered = true;
      reject(e);
    });
    s.worker.once('exit', (code) => {
      if (!answered) reject(stopped(code));
    });
    // This thread only waits for the answer meanwhile: it reads the large unchanged files for the diff (read-server.ts,
    // loaded after the request is on its way; the port holds what the diff asks until then).
    const reads = new MessageChannel();
    s.worker.postMessage({ request, reads: reads.port2 } satisfies DiffMessage, [reads.port2]);
    void import('../../diff/read-server.ts').then(({ serveReads }) => {
      serveReads(reads.port1);
      reads.port1.unref();
    }, reject);
    // ICU's data for the org's today and its currency, loaded here while the worker loads (util/intl-warm.ts).
    setImmediate(warmIntl);
  });
}
