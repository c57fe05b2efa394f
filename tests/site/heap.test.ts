// The heap kept near its live size while a site is built (src/site/heap.ts).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { GROWING_PERCENT, heapNearLive, RELEASE_ABOVE, RELEASE_RSS, releaseFreedMemory } from '../../src/site/heap.ts';

describe('heapNearLive', () => {
  test("sets V8's heap growing factor and gives V8 its own heuristics back after", () => {
    const set: string[] = [];
    const restore = heapNearLive({ execArgv: [], nodeOptions: '', set: (f) => set.push(f) });
    expect(set).toEqual([`--heap-growing-percent=${GROWING_PERCENT}`]);
    restore();
    expect(set).toEqual([`--heap-growing-percent=${GROWING_PERCENT}`, '--heap-growing-percent=0']);
  });

  test("leaves the heap alone when node was started with the user's own heap options", () => {
    const set: string[] = [];
    for (const [execArgv, nodeOptions] of [[['--heap-growing-percent=50'], ''], [[], '--enable-source-maps --max-old-space-size=4096'], [['--max_heap_size=900'], undefined]] as const) {
      heapNearLive({ execArgv, nodeOptions, set: (f) => set.push(f) })();
    }
    expect(set).toEqual([]);
  });

  // V8's collections are driven by allocation, not by time: the same program gives the same heap sizes on a busy machine.
  test('a program that keeps 20 batches of objects live and makes five times as much garbage peaks at a much smaller heap', () => {
    const peak = (near: boolean) => {
      const program = `
        ${near ? `const { heapNearLive } = await import(${JSON.stringify(fileURLToPath(new URL('../../src/site/heap.ts', import.meta.url)))}); heapNearLive({ execArgv: [], nodeOptions: '' });` : ''}
        const keep = []; let peak = 0;
        for (let r = 0; r < 60; r++) {
          keep.push(Array.from({ length: 100000 }, (_, i) => ({ a: i, b: 'x' + i })));
          for (let g = 0; g < 5; g++) Array.from({ length: 100000 }, (_, i) => ({ a: i, b: 'y' + i }));
          if (keep.length > 20) keep.shift();
          peak = Math.max(peak, process.memoryUsage().heapTotal);
        }
        process.stdout.write(String(peak));`;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', program], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
      expect(r.status, r.stderr).toBe(0);
      return Number(r.stdout);
    };
    const near = peak(true);
    const free = peak(false);
    expect(near).toBeLessThan(free * 0.75);
  }, 60_000);
});

describe('releaseFreedMemory', () => {
  test("asks V8 for a last-resort collection, the one that gives its pooled pages back, when a large process holds a pool worth seconds", () => {
    const calls: unknown[] = [];
    const gc = (o: unknown) => calls.push(o);
    const memory = (heapTotal: number, beside: number) => () => ({ rss: heapTotal + 100 * 2 ** 20 + beside, heapTotal, external: 100 * 2 ** 20, heapUsed: 0, arrayBuffers: 0 });
    const large = 1000 * 2 ** 20;
    expect(releaseFreedMemory({ gc, memory: memory(large, RELEASE_ABOVE - 1) })).toBe(false);
    // A small build: a pool of the same size, in a process under RELEASE_RSS.
    expect(releaseFreedMemory({ gc, memory: memory(RELEASE_RSS - 100 * 2 ** 20 - RELEASE_ABOVE - 1, RELEASE_ABOVE) })).toBe(false);
    expect(calls).toEqual([]);
    expect(releaseFreedMemory({ gc, memory: memory(large, RELEASE_ABOVE) })).toBe(true);
    expect(calls).toEqual([{ type: 'major', execution: 'sync', flavor: 'last-resort' }]);
  });

  // The memory figures are V8's and the kernel's page counts after the same allocations, not timings: the same on a busy machine.
  test('the memory of 3 million dropped objects stays resident after a full collection, and goes back to the system once released', () => {
    const program = `
      const { releaseFreedMemory } = await import(${JSON.stringify(fileURLToPath(new URL('../../src/site/heap.ts', import.meta.url)))});
      const mb = () => Math.round(process.memoryUsage().rss / 2 ** 20);
      let garbage = Array.from({ length: 3_000_000 }, (_, i) => ({ a: i, b: 'x' + i, c: [i] }));
      const held = mb();
      garbage = null;
      gc(); // an ordinary full collection, as a build makes hundreds of: the heap shrinks, its pages stay
      const heap = Math.round(process.memoryUsage().heapTotal / 2 ** 20);
      const collected = mb();
      // A process of 0.4 GB, not the 1 GB a build must reach before its pool is worth a release.
      releaseFreedMemory({ rss: 0 });
      process.stdout.write(JSON.stringify({ held, heap, collected, released: mb() }));`;
    const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', program], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(r.status, r.stderr).toBe(0);
    const m = JSON.parse(r.stdout) as { held: number; heap: number; collected: number; released: number };
    expect(m.held).toBeGreaterThan(350);
    expect(m.heap).toBeLessThan(m.held / 2);
    expect(m.collected).toBeGreaterThan(m.held * 0.8);
    expect(m.released).toBeLessThan(m.collected - 200);
  }, 60_000);

  test("leaves the global scope as it was: no gc function appears in it", () => {
    releaseFreedMemory({ memory: () => ({ rss: RELEASE_RSS + RELEASE_ABOVE, heapTotal: 0, external: 0, heapUsed: 0, arrayBuffers: 0 }) });
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe('undefined');
  });
});
