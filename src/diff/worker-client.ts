// One worker thread per diff (read-worker.ts) that reads the large unchanged files whole while the
// main thread parses the changed ones: the main thread then reads only the lines it needs of them.
import { Worker } from 'node:worker_threads';
import type { KeptPeople } from './people-index.ts';
import type { UsageLines } from './whole-usage.ts';

export type WorkerRequest = { id: number } & ({ op: 'usage'; path: string; bytes: Uint8Array } | { op: 'people'; bytes: Uint8Array } | { op: 'keep'; wanted: string[] });
type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

// The worker runs the same kind of module as this one: compiled JavaScript in dist/, TypeScript in src/ (tests).
const WORKER = new URL(`./read-worker${import.meta.url.slice(import.meta.url.lastIndexOf('.'))}`, import.meta.url);

/** The worker, started on `start` or the first request; every answer is undefined once it cannot run (the main thread then reads the file itself). */
export function readWorker() {
  let worker: Worker | undefined;
  let next = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  const spawn = () => {
    const w = new Worker(WORKER);
    w.on('message', ({ id, result }: { id: number; result: unknown }) => {
      waiting.get(id)?.(result);
      waiting.delete(id);
    });
    const fail = () => {
      for (const done of waiting.values()) done(undefined);
      waiting.clear();
      worker = undefined;
    };
    w.on('error', fail);
    w.on('exit', fail);
    return w;
  };
  const ask = <T>(request: Request): Promise<T | undefined> => {
    const id = next++;
    return new Promise((resolve) => {
      waiting.set(id, resolve as (result: unknown) => void);
      (worker ??= spawn()).postMessage({ ...request, id });
    });
  };
  return {
    /** Starts the worker ahead of the first request (it loads its modules while git reads the files). */
    start(): void {
      worker ??= spawn();
    },
    /** The account lines of a usage snapshot, or undefined when it does not read cleanly one account a line (whole-usage.ts). */
    usageLines: (path: string, bytes: Uint8Array) => ask<UsageLines>({ op: 'usage', path, bytes }),
    /** Indexes people.yaml (people-index.ts); false when it has not the simple shape. */
    indexPeople: (bytes: Uint8Array) => ask<boolean>({ op: 'people', bytes }),
    /** people.yaml with the records `wanted` looks up, from the index. */
    keepPeople: (wanted: string[]) => ask<KeptPeople>({ op: 'keep', wanted }),
    close(): void {
      void worker?.terminate();
    },
  };
}

export type ReadWorker = ReturnType<typeof readWorker>;
