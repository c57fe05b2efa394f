// The heap kept near its live size while a site is built (src/site/heap.ts).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { GROWING_PERCENT, heapNearLive } from '../../src/site/heap.ts';

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
