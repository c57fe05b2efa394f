// Another thread that reads a diff's large unchanged files whole while the diff's thread parses the
// changed ones (read-server.ts): the diff's thread then parses only the lines it needs of them. For
// `lac diff` that is the process's main thread, reached through a port (serveNextFrom); else a worker
// thread of its own (read-worker.ts).
import { trace } from './trace.ts';
import { Worker, type MessagePort } from 'node:worker_threads';
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

let served: MessagePort | undefined;

/**
 * Hands the next readWorker a port to another thread that serves its requests (read-server.ts), in
 * place of a worker thread of its own: `lac diff` is served by the process's main thread, which has
 * nothing else to do, and so does not start a third JavaScript thread with its own heap.
 */
export function serveNextFrom(port: MessagePort): void {
  served = port;
}

/** Where the requests go: the port handed over, else a worker started on the first request. */
interface Server {
  postMessage(request: WorkerRequest): void;
  /** Answers; and `failed` once it can answer no more (the worker stopped, the port closed). */
  listen(answer: (reply: { id: number; result: unknown }) => void, failed: () => void): void;
  end(): void;
}

/** The worker, started on the first request; every answer is undefined once it cannot run (the main thread then reads the file itself). */
export function readWorker() {
  let worker: Server | undefined;
  let port = served;
  served = undefined;
  let next = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  const spawn = (): Server => {
    const w = port ? portServer(port) : startWorker();
    w.listen(
      ({ id, result }) => {
        waiting.get(id)?.(result);
        waiting.delete(id);
      },
      () => {
        for (const done of waiting.values()) done(undefined);
        waiting.clear();
        worker = undefined;
        // A closed port answers nothing more: a later request starts a worker.
        port = undefined;
      },
    );
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
      worker?.end();
    },
  };
}

export type ReadWorker = ReturnType<typeof readWorker>;

function startWorker(): Server {
  trace('worker spawn');
  const w = new Worker(WORKER);
  return {
    postMessage: (request) => w.postMessage(request),
    listen(answer, failed) {
      w.on('message', answer);
      w.on('error', failed);
      w.on('exit', failed);
    },
    end: () => void w.terminate(),
  };
}

function portServer(port: MessagePort): Server {
  return {
    postMessage: (request) => port.postMessage(request),
    listen(answer, failed) {
      port.on('message', answer);
      port.on('close', failed);
    },
    end: () => port.close(),
  };
}
