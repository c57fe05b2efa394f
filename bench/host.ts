// What the machine itself costs, printed at the top of `npm run bench` (and by `node bench/host.ts`):
// the same code runs at very different speeds on hosts that differ in what a page of fresh memory
// costs. On the 2-core host of 2026-12-05 a page fault took about 10 us, and `lac diff` at XL took
// 0.65 s of system time in its main thread alone; figures of two days are comparable only beside these.
// That host is a virtual machine whose kernel pages idle memory out (DAMON's "pageout" scheme): a page
// touched for the first time, or written again after the process started another one (fork's
// copy-on-write), comes back through the hypervisor. The line says whether such a scheme runs.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './measure.ts';

/** Copies `mb` MB into memory never touched before and into the same memory again; prints both in ms. */
export const PAGE_PROBE = `
const mb = Number(process.argv[1]);
const from = Buffer.alloc(mb * 2 ** 20, 7);
const t0 = performance.now();
const fresh = Buffer.allocUnsafeSlow(from.length);
from.copy(fresh);
const t1 = performance.now();
from.copy(fresh);
const t2 = performance.now();
process.stdout.write(JSON.stringify({ fresh: t1 - t0, touched: t2 - t1 }));
`;

/**
 * Writes a byte in each page of `mb` MB already touched, after starting a process (`true`) and again
 * after that; prints both in ms. Starting a process forks this one: each page it had is shared
 * copy-on-write until written, and the first write after the start faults.
 */
export const FORK_PROBE = `
const mb = Number(process.argv[1]);
const b = Buffer.alloc(mb * 2 ** 20, 1);
const touch = () => { for (let i = 0; i < b.length; i += 4096) b[i]++; };
touch();
require('node:child_process').spawnSync('true');
const t0 = performance.now();
touch();
const t1 = performance.now();
touch();
const t2 = performance.now();
process.stdout.write(JSON.stringify({ after: t1 - t0, again: t2 - t1 }));
`;

export interface HostFigures {
  /** Median wall seconds of \`node -e 0\`. */
  nodeStart: number;
  /** Microseconds a 4 KiB page of fresh memory costs beyond copying into memory already touched. */
  pageMicros: number;
  /** Microseconds the first write to a page costs after the process started another one. */
  forkPageMicros: number;
  /** The kernel's schemes that page idle memory out (DAMON), or 'none seen'. */
  reclaim: string;
}

/** MB the page probe copies. */
const PROBE_MB = 64;

/**
 * Microseconds a page costs in a probe (median of `runs` child processes): the probe prints two times in ms for
 * the same pages of `mb` MB, the slow case and the baseline; the difference is spread over the pages.
 */
function probePages(name: string, script: string, mb: number, runs: number, node: string): number {
  const costs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(node, ['-e', script, String(mb)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`the ${name} probe failed: ${r.stderr}`);
    const [slow, base] = Object.values(JSON.parse(r.stdout) as Record<string, number>) as [number, number];
    costs.push(((slow - base) * 1000) / ((mb * 2 ** 20) / 4096));
  }
  return median(costs);
}

/** The cost of a page of fresh memory, from copies of `mb` MB. */
export const pageCost = (mb = PROBE_MB, runs = 5, node = process.execPath): number => probePages('page', PAGE_PROBE, mb, runs, node);

/** The cost of a page written again after a process start, from `mb` MB. */
export const forkPageCost = (mb = PROBE_MB, runs = 3, node = process.execPath): number => probePages('fork', FORK_PROBE, mb, runs, node);

/** DAMON schemes that are on and page memory out, as "DAMON pageout"; 'none seen' where there is none (or no sysfs). */
export function memoryReclaim(root = '/sys/kernel/mm/damon/admin/kdamonds'): string {
  const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').trim() : '');
  const dirs = (path: string) => (existsSync(path) ? readdirSync(path).filter((d) => /^\d+$/.test(d)) : []);
  const actions = new Set<string>();
  for (const k of dirs(root)) {
    if (read(join(root, k, 'state')) !== 'on') continue;
    for (const c of dirs(join(root, k, 'contexts'))) for (const s of dirs(join(root, k, 'contexts', c, 'schemes'))) actions.add(read(join(root, k, 'contexts', c, 'schemes', s, 'action')));
  }
  const out = [...actions].filter((a) => a === 'pageout' || a === 'lru_deprio').sort();
  return out.length > 0 ? `DAMON ${out.join(', ')}` : 'none seen';
}

/** Median wall seconds of `node -e 0` over `runs` starts. */
export function nodeStart(runs = 9, node = process.execPath): number {
  const walls: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    spawnSync(node, ['-e', '0']);
    walls.push((performance.now() - t) / 1000);
  }
  return median(walls);
}

export function hostFigures(): HostFigures {
  return { nodeStart: nodeStart(), pageMicros: pageCost(), forkPageMicros: forkPageCost(), reclaim: memoryReclaim() };
}

export const hostLine = (h: HostFigures) =>
  `host: \`node -e 0\` ${h.nodeStart.toFixed(3)} s; a page of fresh memory ${h.pageMicros.toFixed(1)} us (${PROBE_MB} MB copied into fresh memory, less the same copy into memory already touched); ` +
  `a page written again after a process start ${h.forkPageMicros.toFixed(1)} us; kernel page-out of idle memory: ${h.reclaim}`;

if (import.meta.main) process.stdout.write(`${hostLine(hostFigures())}\n`);
