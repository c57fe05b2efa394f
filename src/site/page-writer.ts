// The site's pages written on a thread of their own (page-writer-worker.ts), while Astro renders the next ones:
// a page's mkdir and write took 17 % of the render thread's time at 20,000 people, and the render thread is the
// build's slower side (Pagefind's services parse on the other core, with time to spare). At most `queued`
// characters of pages wait for the thread; beyond that the render waits for room.
import { Worker } from 'node:worker_threads';

/** Characters of pages sent to the writing thread and not yet written, at most (a larger page goes alone). */
export const WRITER_QUEUED = 4 * 1024 * 1024;

export type WriterRequest = { op: 'page'; route: string; html: string } | { op: 'end' };
export type WriterAnswer =
  | { op: 'written'; size: number }
  | { op: 'failed'; size: number; route: string; message: string; code?: string }
  | { op: 'ended' };

export interface PageWriter {
  /** Sends a page to be written (writePage): resolves at once while there is room, else once there is; rejects once a write failed. */
  write(route: string, html: string): Promise<void>;
  /** Resolves once every page sent is written, rejects with the first failure; the thread then ends. */
  close(): Promise<void>;
  /** Ends the thread at once, pages not yet written dropped (after a failed render). */
  stop(): Promise<void>;
}

// The worker is the same kind of module as this one: compiled JavaScript in dist/, TypeScript in src/ (tests).
const WORKER = new URL(`./page-writer-worker${import.meta.url.slice(import.meta.url.lastIndexOf('.'))}`, import.meta.url);

/** A writing thread for the pages of the site in dir. */
export function pageWriter(dir: string, o: { queued?: number } = {}): PageWriter {
  const limit = o.queued ?? WRITER_QUEUED;
  const worker = new Worker(WORKER, { workerData: { dir } });
  let queued = 0;
  let sent = 0;
  let failure: Error | null = null;
  /** The writes waiting for room (Astro renders a few pages at once): each looks again when a page is written or the thread stops. */
  let waiting: (() => void)[] = [];
  const wake = () => {
    const now = waiting;
    waiting = [];
    for (const w of now) w();
  };
  let ended: (() => void) | null = null;
  let gone = false;
  /** Set when this side ends the thread: its exit is then no failure. */
  let ending = false;

  const fail = (e: Error) => {
    failure ??= e;
    wake();
    ended?.();
  };
  worker.on('message', (a: WriterAnswer) => {
    if (a.op === 'ended') return ended?.();
    queued -= a.size;
    sent--;
    if (a.op === 'failed') fail(new Error(`could not write the page ${a.route}: ${a.message}`, { cause: a.code }));
    wake();
  });
  worker.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
  worker.on('exit', (code) => {
    gone = true;
    if (!ending) fail(new Error(`the thread writing the pages stopped (exit code ${code})`));
  });

  const room = () => new Promise<void>((resolve) => waiting.push(resolve));

  return {
    async write(route, html) {
      // A page larger than the limit goes alone.
      while (!failure && sent > 0 && queued + html.length > limit) await room();
      if (failure) throw failure;
      queued += html.length;
      sent++;
      worker.postMessage({ op: 'page', route, html } satisfies WriterRequest);
    },
    async close() {
      // The thread answers in order: "ended" comes after every page sent before it is written.
      if (!gone && !failure) {
        await new Promise<void>((resolve) => {
          ended = resolve;
          worker.postMessage({ op: 'end' } satisfies WriterRequest);
        });
      }
      await this.stop();
      if (failure) throw failure;
    },
    async stop() {
      ending = true;
      if (!gone) await worker.terminate();
    },
  };
}
