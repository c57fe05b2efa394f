// What the machine itself costs, printed at the top of `npm run bench` (and by `node bench/host.ts`):
// the same code runs at very different speeds on hosts that differ in what a page of fresh memory
// costs. On the 2-core host of 2026-12-05 a page fault took about 10 us, and `lac diff` at XL took
// 0.65 s of system time in its main thread alone; figures of two days are comparable only beside these.
import { spawnSync } from 'node:child_process';
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

export interface HostFigures {
  /** Median wall seconds of \`node -e 0\`. */
  nodeStart: number;
  /** Microseconds a 4 KiB page of fresh memory costs beyond copying into memory already touched. */
  pageMicros: number;
}

/** MB the page probe copies. */
const PROBE_MB = 64;

/** The cost of a page of fresh memory, from copies of `mb` MB (median of `runs` child processes). */
export function pageCost(mb = PROBE_MB, runs = 5, node = process.execPath): number {
  const costs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(node, ['-e', PAGE_PROBE, String(mb)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`the page probe failed: ${r.stderr}`);
    const { fresh, touched } = JSON.parse(r.stdout) as { fresh: number; touched: number };
    costs.push(((fresh - touched) * 1000) / ((mb * 2 ** 20) / 4096));
  }
  return median(costs);
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
  return { nodeStart: nodeStart(), pageMicros: pageCost() };
}

export const hostLine = (h: HostFigures) => `host: \`node -e 0\` ${h.nodeStart.toFixed(3)} s; a page of fresh memory ${h.pageMicros.toFixed(1)} us (${PROBE_MB} MB copied into fresh memory, less the same copy into memory already touched)`;

if (import.meta.main) process.stdout.write(`${hostLine(hostFigures())}\n`);
