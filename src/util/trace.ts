// Step timings on stderr for the benchmarks: LAC_DIFF_TRACE=1 for `lac diff`, LAC_SITE_TRACE=1 for `lac site build`.
// Each line gives the milliseconds since the process started, the thread (main, or w and a worker's
// number), the process's memory and the step;
// set to "gc" and run node with --expose-gc for the live heap.
import { readFileSync } from 'node:fs';
import { isMainThread, threadId } from 'node:worker_threads';

// process.uptime() counts from the process's start in a worker thread too.
const START = performance.timeOrigin + performance.now() - process.uptime() * 1000;

/** The process's peak resident memory so far in MB (Linux's VmHWM), to place a peak between two steps; '-' elsewhere. */
function peakMb(): string {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb ? String(Math.round(Number(kb) / 1024)) : '-';
  } catch {
    return '-';
  }
}

/** A function that writes a step, prefixed with `label`, when the environment variable `variable` is set. */
export function tracer(label: string, variable: string): (what: string) => void {
  const setting = process.env[variable];
  if (!setting) return () => {};
  // "gc" (with node --expose-gc): collect first, so that the heap figure is what is live, not what awaits collection.
  const gc = setting === 'gc' ? (globalThis as { gc?: () => void }).gc : undefined;
  return (what) => {
    gc?.();
    const ms = (performance.timeOrigin + performance.now() - START).toFixed(0).padStart(6);
    const mb = (n: number) => `${Math.round(n / 2 ** 20)}`.padStart(5);
    const m = process.memoryUsage();
    // heap of heapTotal, and what lives outside the heap (Buffers: external, of which arrayBuffers), to tell where rss goes.
    const off = `of ${mb(m.heapTotal)} ext ${mb(m.external)} ab ${mb(m.arrayBuffers)}`;
    // Page faults of the whole process so far: fresh memory costs a fault a page, and on some hosts that is most of the time.
    const faults = `${process.resourceUsage().minorPageFault}`.padStart(7);
    // This thread's own processor time so far: beside the wall time, it tells work from waiting (for git, the other thread, a core).
    // (Node 23.9 and later; '-' on the Node 22 that lac also runs on.)
    const own = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage?.();
    const cpu = (own ? `${Math.round((own.user + own.system) / 1000)}` : '-').padStart(6);
    process.stderr.write(`${label} ${ms} ms ${isMainThread ? 'main  ' : `w${threadId}`.padEnd(6)} cpu ${cpu} ms rss ${mb(m.rss)} MB heap ${mb(m.heapUsed)} MB ${off} peak ${peakMb().padStart(5)} faults ${faults}  ${what}\n`);
  };
}
