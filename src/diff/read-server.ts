// What answers the requests of worker-client.ts, in another thread than the diff's: holds the large
// files a diff did not change (usage snapshots, people.yaml), read whole there, and answers the lines
// the diff needs of them. `lac diff` serves them from the process's main thread, which otherwise only
// waits for the diff's thread (cli/actions/diff-thread.ts); elsewhere a worker thread does (read-worker.ts).
import { trace } from './trace.ts';
import type { MessagePort } from 'node:worker_threads';
import { batchedObjects } from '../history/git.ts';
import { createValidators } from '../inventory/validate.ts';
import { indexPeople, keptPeople, type PeopleIndex } from './people-index.ts';
import { sparseUsage, usageLines, type UsageLines } from './whole-usage.ts';
import type { FileRequest, WorkerRequest } from './worker-client.ts';

/** Answers the requests that arrive on `port` (one diff's), until it closes. */
export function serveReads(port: Pick<MessagePort, 'on' | 'postMessage'>): void {
  const answer = answerer();
  port.on('message', (request: WorkerRequest) => {
    // Any failure (a file git refuses, a bug) leaves the file to the diff's thread, which reports what is wrong.
    const reply = (result: unknown) => port.postMessage({ id: request.id, result });
    answer(request).then(reply, () => reply(undefined));
  });
}

/** The answers to one diff's requests: the files it holds are its own. */
function answerer(): (request: WorkerRequest) => Promise<unknown> {
  const validators = createValidators();
  const usage = new Map<string, { bytes: Uint8Array; lines: UsageLines } | undefined>();
  let people: PeopleIndex | undefined;

  // Per repository, the objects asked for in the same tick are read by one git process.
  const readers = new Map<string, (oid: string) => Promise<Uint8Array>>();

  /** The file's bytes: read here from git when the diff's thread named the object (it then never waits for them). */
  function bytesOf({ bytes, git }: FileRequest): Promise<Uint8Array> {
    if (bytes) return Promise.resolve(bytes);
    let read = readers.get(git!.repo);
    // Spooled: git writes the object to a file read in one piece, instead of a pipe's 64 KB chunks joined after.
    // For the 20 MB people.yaml that is half the fresh memory and a third of the processor time (bench/README.md).
    if (!read) readers.set(git!.repo, (read = batchedObjects(git!.repo, { spool: true })));
    return read(git!.oid);
  }

  return async function answer(request: WorkerRequest): Promise<unknown> {
    switch (request.op) {
      case 'usage': {
        const bytes = await bytesOf(request);
        const lines = usageLines(request.path, bytes, validators);
        usage.set(request.path, lines && { bytes, lines });
        trace(`usage verdict ${request.path}`);
        return lines !== undefined;
      }
      case 'keep-usage': {
        const held = usage.get(request.path);
        return held && sparseUsage(held.bytes, held.lines, new Set(request.persons));
      }
      case 'people':
        people = indexPeople(await bytesOf(request));
        trace('people.yaml indexed');
        return people !== undefined;
      case 'keep-people':
        return keptPeople(people, request.wanted);
    }
  };
}
