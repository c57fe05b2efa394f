// One worker thread per diff (read-worker.ts) that reads the large unchanged files whole while the
// main thread parses the changed ones: the main thread then parses only the lines it needs of them.
import { trace } from './trace.ts';
import { Worker } from 'node:worker_threads';
import type { KeptPeople } from './people-index.ts';

/** A file for the worker: its bytes, or the git object it reads them from itself. */
export type FileRequest = { path: string; bytes?: Uint8Array; git?: { repo: string; oid: string } };

export type WorkerRequest = { id: number } & (
  | ({ op: 'usage' } & FileRequest)
  | { op: 'keep-usage'; path: string; persons: string[] }
  | ({ op: 'people' } & FileRequest)
  | { op: 'keep-people'; wanted: string[] }
);
type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

// The worker runs the same kind of module as this one: compiled JavaScript in dist/, TypeScript in src/ (tests).
const WORKER = new URL(`./read-worker${import.meta.url.slice(import.meta.url.lastIndexOf('.'))}`, import.meta.url);

/** The worker, started on the first request; every answer is undefined once it cannot run (the main thread then reads the file itself). */
export function readWorker() {
  let worker: Worker | undefined;
  let next = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  const spawn = () => {
    trace('worker spawn');
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
    /** Starts the worker now: it loads its modules while the main thread lists the trees. */
    start(): void {
      worker ??= spawn();
    },
    /** Reads a usage snapshot whole (whole-usage.ts): true when it reads cleanly, one account a line. */
    readUsage: (file: FileRequest) => ask<boolean>({ op: 'usage', ...file }),
    /** The snapshot read by `readUsage` with only the accounts of `persons` on their lines. */
    keepUsage: (path: string, persons: string[]) => ask<{ bytes: Uint8Array; kept: number }>({ op: 'keep-usage', path, persons }),
    /** Indexes people.yaml (people-index.ts): false when it has not the simple shape. */
    readPeople: (file: FileRequest) => ask<boolean>({ op: 'people', ...file }),
    /** people.yaml with the records `wanted` looks up, from the index. */
    keepPeople: (wanted: string[]) => ask<KeptPeople>({ op: 'keep-people', wanted }),
    close(): void {
      void worker?.terminate();
    },
  };
}

export type ReadWorker = ReturnType<typeof readWorker>;
