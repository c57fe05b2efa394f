// How far V8 lets the heap grow past what is live while the site is built. By default V8 lets a large heap grow to
// about twice its live size before a full collection; at 100,000 people that is 1 GB of garbage on top of a model
// of about 1 GB, and `lac site build` peaked at 3.1 GB (issue 16). A growing factor of 1.25 keeps the heap near what
// is live, whatever its size (a cap such as --max-old-space-size would fail a larger organization outright), at
// the cost of more frequent full collections. V8 reads the flag at each collection, so it can be set while running.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Percent the heap may grow past its live size before the next full collection, while a site is built. */
export const GROWING_PERCENT = 25;
const FLAG = 'heap-growing-percent';

/** True when the user chose the heap's size or growth themselves (node's own arguments, or the heap size in NODE_OPTIONS): theirs is kept. */
function chosenByUser(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  return [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].some((a) => /^--(heap[-_]growing[-_]percent|max[-_]old[-_]space[-_]size|max[-_]heap[-_]size)\b/.test(a));
}

/**
 * Keeps the heap within GROWING_PERCENT of its live size until the returned function is called, which gives V8
 * its own heuristics back (a flag value of 0). Nothing is changed when node was started with its own heap options.
 */
export function heapNearLive(o: { execArgv?: readonly string[]; nodeOptions?: string; set?: (flags: string) => void } = {}): () => void {
  if (chosenByUser(o.execArgv ?? process.execArgv, o.nodeOptions ?? process.env.NODE_OPTIONS)) return () => {};
  const set = o.set ?? setFlagsFromString;
  set(`--${FLAG}=${GROWING_PERCENT}`);
  return () => set(`--${FLAG}=0`);
}

export type Gc = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;
let exposed: Gc | undefined;

/** V8's gc function, as `--expose-gc` would give it, taken from a fresh context without changing the global one. */
export function gcFunction(): Gc {
  if (!exposed) {
    setFlagsFromString('--expose-gc');
    exposed = runInNewContext('gc') as Gc;
    setFlagsFromString('--no-expose-gc');
  }
  return exposed;
}

/** Memory held beyond the heap and external memory (code, stacks, V8's pool of freed pages) below which nothing is released. */
export const RELEASE_ABOVE = 256 * 2 ** 20;
/** The process's resident memory below which nothing is released: a 20,000-person build (0.9 GB) would pay 1.3 s for nothing it needs. */
export const RELEASE_RSS = 2 ** 30;

/**
 * Gives the system back the memory of the pages V8 freed. V8 keeps freed heap pages resident, in a pool, for the
 * heap to grow into again; they are released only by a last-resort collection (or when the process is idle for
 * seconds, which a build never is). So a process's memory stays at the largest heap it ever had: the model's, while
 * the pages are rendered on top of it. The collection takes seconds at 100,000 people, so it is made only when
 * more than RELEASE_ABOVE is held beside the heap, in a process of more than RELEASE_RSS; returns whether it was.
 */
export function releaseFreedMemory(o: { gc?: Gc; memory?: () => NodeJS.MemoryUsage; /** default RELEASE_RSS */ rss?: number } = {}): boolean {
  const m = (o.memory ?? process.memoryUsage)();
  if (m.rss < (o.rss ?? RELEASE_RSS) || m.rss - m.heapTotal - m.external < RELEASE_ABOVE) return false;
  (o.gc ?? gcFunction())({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  return true;
}
