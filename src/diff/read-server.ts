// What answers the requests of worker-client.ts, in another thread than the diff's: holds the large
// files a diff did not change (usage snapshots, people.yaml), read whole there, and answers the lines
// the diff needs of them. `lac diff` serves them from the process's main thread, which otherwise only
// waits for the diff's thread (cli/actions/diff-thread.ts); elsewhere a worker thread does (read-worker.ts).
import { trace } from './trace.ts';
import type { MessagePort } from 'node:worker_threads';
import { objectSlices } from '../git/object-slices.ts';
import { MAX_FILE_BYTES } from '../inventory/parse/decode.ts';
import { createValidators } from '../inventory/validate.ts';
import { indexPeople, keptPeople, type PeopleIndex } from './people-index.ts';
import { judgedUsage, sparseHeld, type HeldUsage } from './whole-usage.ts';
import type { FileRequest, WorkerRequest } from './worker-client.ts';

/** Answers the requests that arrive on `port` (one diff's), until it closes. */
export function serveReads(port: Pick<MessagePort, 'on' | 'postMessage'>): void {
  const { answer, close } = answerer(objectSlices);
  port.on('message', (request: WorkerRequest) => {
    // Any failure (a file git refuses, a bug) leaves the file to the diff's thread, which reports what is wrong.
    const reply = (result: unknown) => port.postMessage({ id: request.id, result });
    answer(request).then(reply, () => reply(undefined));
  });
  port.on('close', close);
}

/** The answers to one diff's requests: the files it holds are its own. `slicesOf`: how objects are read from git (objectSlices). */
export function answerer(slicesOf: (repo: string) => Pick<ReturnType<typeof objectSlices>, 'read' | 'close'>) {
  const validators = createValidators();
  const usage = new Map<string, { held: HeldUsage; text: (from: number, to: number) => Uint8Array } | undefined>();
  let people: PeopleIndex | undefined;

  // Per repository, the objects asked for in the same tick are read by one git process, its output left in a file.
  const readers = new Map<string, Pick<ReturnType<typeof objectSlices>, 'read' | 'close'>>();
  // What the large files are read into, one after the other: a snapshot's bytes are not needed once it is judged
  // (the lines a diff keeps are read again from git's file), people.yaml's are kept. At XL the 17 MB snapshot and
  // the 20 MB people.yaml then take 20 MB of fresh memory instead of 37 (a page fault a page). Made with room for
  // the largest file lac reads, whichever comes first: memory not written to is never faulted in.
  let scratch: Buffer | undefined;
  /**
   * Reads that use the memory and let it go again, still running. A read that keeps the memory waits for those
   * asked before it, whichever git answers first: else people.yaml, arriving before the snapshot asked with it
   * (each request a message, often a git call each), takes the memory and the snapshot needs 17 MB of its own,
   * and is judged later than the diff's thread needs its verdict.
   */
  const passing = new Set<Promise<unknown>>();

  /**
   * Calls `use` with the file's bytes, and with how to read bytes [from, to) of it later: read here from git when
   * the diff's thread named the object (it then never waits for them). `keep`: `use` keeps the bytes. A file larger
   * than the loader reads (MAX_FILE_BYTES) is not read: undefined, and the diff's thread reads it, and refuses it,
   * as a whole check does (its reads from the working tree are bounded the same way).
   */
  function withBytes<T>(request: FileRequest, keep: boolean, use: (bytes: Uint8Array, text: (from: number, to: number) => Uint8Array) => T): Promise<T | undefined> {
    const earlier = keep ? [...passing] : [];
    const done = readBytes(request, keep, earlier, use);
    if (!keep) {
      passing.add(done);
      void done.finally(() => passing.delete(done)).catch(() => undefined);
    }
    return done;
  }

  async function readBytes<T>({ bytes, git }: FileRequest, keep: boolean, earlier: Promise<unknown>[], use: (bytes: Uint8Array, text: (from: number, to: number) => Uint8Array) => T): Promise<T | undefined> {
    if (bytes) return use(bytes, (from, to) => bytes.subarray(from, to));
    let reader = readers.get(git!.repo);
    if (!reader) readers.set(git!.repo, (reader = slicesOf(git!.repo)));
    const slice = await reader.read(git!.oid);
    if (slice.size > MAX_FILE_BYTES) return undefined;
    // A file that keeps its bytes lets those asked before it go first, and the others git answered in the same
    // call (their continuations are queued before this one's next), so that they use the memory before it is kept.
    if (keep) await Promise.allSettled(earlier);
    // From here to the end, without a wait: no other request's bytes go into the same memory meanwhile.
    const room = scratch ?? Buffer.allocUnsafeSlow(MAX_FILE_BYTES);
    scratch = keep ? undefined : room;
    const b = room.subarray(0, slice.size);
    slice.readInto(b);
    return use(b, (from, to) => slice.range(from, to));
  }

  async function answer(request: WorkerRequest): Promise<unknown> {
    switch (request.op) {
      case 'usage':
        return (await withBytes(request, false, (bytes, text) => {
          const held = judgedUsage(request.path, bytes, validators);
          usage.set(request.path, held && { held, text });
          trace(`usage verdict ${request.path}`);
          return held !== undefined;
        })) ?? false;
      case 'keep-usage': {
        const u = usage.get(request.path);
        return u && sparseHeld(u.held, new Set(request.persons), u.text);
      }
      case 'people':
        return (await withBytes(request, true, (bytes) => {
          people = indexPeople(bytes);
          trace('people.yaml indexed');
          return people !== undefined;
        })) ?? false;
      case 'keep-people':
        return keptPeople(people, request.wanted);
    }
  }
  return { answer, close: () => readers.forEach((r) => r.close()) };
}
