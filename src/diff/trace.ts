// LAC_DIFF_TRACE=1: each step of a diff on stderr, in milliseconds since the process started, in both threads.
import { isMainThread } from 'node:worker_threads';

const ON = Boolean(process.env.LAC_DIFF_TRACE);
// process.uptime() counts from the process's start in a worker thread too.
const START = performance.timeOrigin + performance.now() - process.uptime() * 1000;

/** Writes `what` with the time since the process started, when LAC_DIFF_TRACE is set. */
export function trace(what: string): void {
  if (ON) process.stderr.write(`lac-diff-trace ${(performance.timeOrigin + performance.now() - START).toFixed(0).padStart(5)} ms ${isMainThread ? 'main  ' : 'worker'} ${what}\n`);
}
