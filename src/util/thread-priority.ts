// A thread that does work others wait on can let them go first. Linux applies a nice value to the
// calling thread alone (setpriority with PRIO_PROCESS and 0, which libuv's uv_os_setpriority calls), so
// `lac diff`'s main thread, which only reads the large unchanged files for the diff's thread, can step
// back when both want a core: on two cores the diff's thread, git and V8's helpers otherwise share them
// evenly with it. Elsewhere (macOS, Windows) the value applies to the whole process: nothing is done.
import { getPriority, setPriority } from 'node:os';

/** Nice levels `lac diff`'s main thread steps back by (diff-thread.ts); 19 is the lowest priority there is. */
export const READER_STEPS = 10;

/**
 * Lowers the calling thread's priority by `steps` nice levels (to 19 at most), on Linux only; threads and
 * processes it starts afterwards inherit it. Returns the new nice value, or undefined where nothing was changed.
 */
export function stepBack(steps: number, platform: NodeJS.Platform = process.platform): number | undefined {
  if (platform !== 'linux') return undefined;
  try {
    const now = getPriority(0);
    const next = Math.min(19, now + steps);
    if (next !== now) setPriority(0, next);
    return next;
  } catch {
    // A priority is only a hint: a system that refuses it runs the diff as before.
    return undefined;
  }
}

/** The calling thread's nice value on Linux (per thread there), for traces; undefined elsewhere. */
export function threadNice(platform: NodeJS.Platform = process.platform): number | undefined {
  if (platform !== 'linux') return undefined;
  try {
    return getPriority(0);
  } catch {
    return undefined;
  }
}
