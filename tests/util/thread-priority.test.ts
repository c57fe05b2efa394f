// util/thread-priority.ts: on Linux a nice value set with PRIO_PROCESS and 0 is the calling thread's alone,
// so lac diff's main thread can step back without slowing its worker. Checked in worker threads of their
// own (a thread's nice cannot be raised again without privileges): the vitest thread keeps its priority.
import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { stepBack, threadNice } from '../../src/util/thread-priority.ts';

const MODULE = new URL('../../src/util/thread-priority.ts', import.meta.url).href;

/** Runs `body` (an async function body with `stepBack`, `threadNice` and `getPriority` in scope) in a new worker thread; its result. */
function inThread<T>(body: string): Promise<T> {
  const code = `
    const { parentPort } = require('node:worker_threads');
    const { getPriority } = require('node:os');
    import(${JSON.stringify(MODULE)}).then(async ({ stepBack, threadNice }) => { ${body} }).then((r) => parentPort.postMessage(r), (e) => parentPort.postMessage({ error: String(e) }));`;
  return new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true });
    w.once('message', (m: T) => void w.terminate().then(() => resolve(m)));
    w.once('error', reject);
  });
}

describe('stepBack (util/thread-priority.ts)', () => {
  it('on Linux lowers the calling thread only: the thread that started it keeps its priority', async () => {
    const mine = getPriority(0);
    const r = await inThread<{ before: number; stepped: number | undefined; after: number | undefined }>(`
      const before = getPriority(0);
      const stepped = stepBack(10);
      return { before, stepped, after: threadNice() };`);
    if (process.platform === 'linux') {
      expect(r.stepped).toBe(Math.min(19, r.before + 10));
      expect(r.after).toBe(r.stepped);
      // (A thread started at 19, e.g. under `nice -n 19 npm test`, has nowhere lower to go.)
      if (r.before < 19) expect(r.after).toBeGreaterThan(r.before);
    } else {
      expect(r.stepped).toBeUndefined();
      expect(r.after).toBeUndefined();
    }
    // The thread that ran it is unchanged.
    expect(getPriority(0)).toBe(mine);
  });

  it('never goes past 19, the lowest priority, and stepping twice adds up', async () => {
    const r = await inThread<{ first?: number; second?: number; third?: number }>(`
      return { first: stepBack(5), second: stepBack(5), third: stepBack(30) };`);
    if (process.platform !== 'linux') return expect(r).toEqual({});
    expect(r.second).toBe(Math.min(19, r.first! + 5));
    expect(r.third).toBe(19);
  });

  it("does nothing where a nice value is the whole process's", () => {
    const before = getPriority(0);
    expect(stepBack(10, 'darwin')).toBeUndefined();
    expect(stepBack(10, 'win32')).toBeUndefined();
    expect(threadNice('darwin')).toBeUndefined();
    expect(getPriority(0)).toBe(before);
  });
});
