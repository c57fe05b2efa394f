// The large files a change did not touch (usage snapshots, people.yaml), read whole in another thread
// (read-server.ts: the process's main thread for `lac diff`, else a worker) from git itself when the
// base is a commit: the diff's thread neither waits for their bytes nor parses them, and asks only for
// the lines it needs.
import { ReadRefused } from '../util/fs/read-bounded.ts';
import { indexPeople, keptPeople, type KeptPeople } from './people-index.ts';
import type { TreePair } from './pair.ts';
import { readWorker, type FileRequest } from './worker-client.ts';

/** The unchanged large files of a pair; `bytes` reads a file of the base in the diff's thread. */
export function unchangedLarge(pair: TreePair, bytes: (path: string) => Promise<Uint8Array>) {
  const worker = readWorker();
  const usage = new Map<string, Promise<boolean | undefined>>();
  let people: Promise<boolean | undefined> | undefined;
  const git = pair.base.git;
  const request = async (path: string): Promise<FileRequest> => (git ? { path, git: { repo: git.repo, oid: await git.oid(path) } } : { path, bytes: await bytes(path) });
  const readUsage = (path: string) => {
    let p = usage.get(path);
    if (!p) usage.set(path, (p = request(path).then(worker.readUsage, () => undefined)));
    return p;
  };
  return {
    /** Starts the serving thread (a worker, where no port was handed over) before anything is asked of it. */
    start: () => worker.start(),
    /** Starts reading a usage snapshot whole (whole-usage.ts). */
    readUsage,
    /** The snapshot with only the accounts of `persons` on their lines; undefined when it does not read cleanly one account a line. */
    async sparseUsage(path: string, persons: ReadonlySet<string>): Promise<{ bytes: Uint8Array; kept: number } | undefined> {
      return (await readUsage(path)) ? worker.keepUsage(path, [...persons]) : undefined;
    },
    /** Starts indexing people.yaml (people-index.ts). */
    readPeople(path: string): Promise<boolean | undefined> {
      return (people ??= request(path).then(worker.readPeople, () => undefined));
    },
    /** people.yaml with the records `wanted` looks up: from the worker's index, else indexed here; undefined when it cannot be read. */
    async keepPeople(path: string, wanted: ReadonlySet<string>): Promise<KeptPeople | undefined> {
      const indexed = await people;
      if (indexed === false) return { indexed: false, known: false };
      const kept = indexed ? await worker.keepPeople([...wanted]) : undefined;
      if (kept) return kept;
      const b = await bytes(path).catch((e: unknown) => {
        if (e instanceof ReadRefused) return undefined;
        throw e;
      });
      return b && keptPeople(indexPeople(b), [...wanted]);
    },
    /** Ends the reads: the worker thread, if one was started, or the port. */
    close: () => worker.close(),
  };
}
