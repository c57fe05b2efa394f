// A usage snapshot the change did not touch, of a license whose seats it judges only for some holders:
// the diff needs only those holders' accounts, but a snapshot with one damaged account is left out
// whole (inventory/build.ts), so the whole file must still be read. A worker thread reads it whole
// while the main thread goes on; the main thread then parses only the lines of the accounts it needs
// (every other account line left blank, so positions are those of the whole file).
import { Worker } from 'node:worker_threads';

/** Where each account's line is in a snapshot that reads cleanly, one account a line, and whom it names. */
export interface UsageLines {
  /** Byte offsets of each account line's start and end (without the line break). */
  starts: Int32Array;
  ends: Int32Array;
  /** The person of each account ('' for none), joined by line breaks. */
  persons: string;
}

export interface UsageRequest {
  id: number;
  path: string;
  bytes: Uint8Array;
}

// The worker runs the same kind of module as this one: compiled JavaScript in dist/, TypeScript in src/ (tests).
const WORKER = new URL(`./usage-worker${import.meta.url.slice(import.meta.url.lastIndexOf('.'))}`, import.meta.url);

/** Reads snapshots whole in one worker thread, started on the first request; `close` ends it. */
export function usageReader() {
  let worker: Worker | undefined;
  let next = 0;
  const waiting = new Map<number, (lines: UsageLines | undefined) => void>();
  const spawn = () => {
    const w = new Worker(WORKER);
    w.on('message', ({ id, lines }: { id: number; lines?: UsageLines }) => {
      waiting.get(id)?.(lines);
      waiting.delete(id);
    });
    // A worker that cannot run leaves each file to the main thread.
    const fail = () => {
      for (const done of waiting.values()) done(undefined);
      waiting.clear();
      worker = undefined;
    };
    w.on('error', fail);
    w.on('exit', fail);
    return w;
  };
  return {
    /** Starts the worker ahead of the first request. */
    start(): void {
      worker ??= spawn();
    },
    /** The account lines of a snapshot, or undefined when it does not read cleanly one account a line. */
    lines(path: string, bytes: Uint8Array): Promise<UsageLines | undefined> {
      const id = next++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        (worker ??= spawn()).postMessage({ id, path, bytes } satisfies UsageRequest);
      });
    },
    close(): void {
      void worker?.terminate();
    },
  };
}

export type UsageReader = ReturnType<typeof usageReader>;

/**
 * The snapshot with only the accounts of `persons` (and the first account, so the list is never
 * empty) on their lines, every other account line left blank.
 */
export function sparseUsage(bytes: Uint8Array, lines: UsageLines, persons: ReadonlySet<string>): { bytes: Uint8Array; kept: number } {
  const names = lines.persons.split('\n');
  const out = new Uint8Array(bytes.length);
  let at = 0;
  let from = 0;
  let kept = 0;
  for (let i = 0; i < names.length; i++) {
    if (i === 0 || persons.has(names[i]!)) {
      kept++;
      continue;
    }
    // Mostly a line break between two blanked lines: copied byte by byte, not by a call each.
    const start = lines.starts[i]!;
    if (start - from < 16) while (from < start) out[at++] = bytes[from++]!;
    else {
      out.set(bytes.subarray(from, start), at);
      at += start - from;
    }
    from = lines.ends[i]!;
  }
  out.set(bytes.subarray(from), at);
  return { bytes: out.subarray(0, at + bytes.length - from), kept };
}

