// `lac diff` compiles without TurboFan once its thread is prestarted (src/cli/actions/diff-thread.ts):
// in a process of its own, a hot function of a worker thread started after prestartDiffThread reaches
// Maglev, never TurboFan; without it, the same loop reaches TurboFan (so the check can fail). The tier
// is read with V8's %GetOptimizationStatus, enabled in that worker only.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli.ts';

const THREAD = join(REPO_ROOT, 'src/cli/actions/diff-thread.ts');

/** Runs a hot function in a new worker thread until an optimizing tier has it (at most 5 s), with or without the diff's prestart first. */
function tierAfter(prestart: boolean): { maglev: boolean; turbofan: boolean } {
  const script = `
    import { Worker } from 'node:worker_threads';
    ${prestart ? `(await import(${JSON.stringify(THREAD)})).prestartDiffThread();` : ''}
    const body = \`
      const { setFlagsFromString } = await import('node:v8');
      const { parentPort } = await import('node:worker_threads');
      setFlagsFromString('--allow-natives-syntax');
      const status = new Function('f', 'return %GetOptimizationStatus(f)');
      function hot(x) { let s = 0; for (let i = 0; i < 50; i++) s += (x * i) % 7; return s; }
      const start = Date.now();
      let total = 0;
      // Bits of V8's OptimizationStatus: 32 Maglev, 64 TurboFan. Without the prestart, until TurboFan has it (it
      // does within a few hundred rounds after Maglev); with it, 2,000 rounds after Maglev. At most 5 s either way.
      let maglevAt = -1;
      for (let round = 0; round < 100000 && Date.now() - start < 5000; round++) {
        for (let i = 0; i < 1000; i++) total += hot(i);
        const s = status(hot);
        if (s & 64) break;
        if (s & 32 && maglevAt < 0) maglevAt = round;
        if (${prestart} && maglevAt >= 0 && round > maglevAt + 2000) break;
      }
      const s = status(hot);
      parentPort.postMessage({ maglev: (s & 32) !== 0, turbofan: (s & 64) !== 0, total });
    \`;
    const w = new Worker(body, { eval: true });
    w.on('message', (m) => { process.stdout.write(JSON.stringify(m)); process.exit(0); });
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  const { maglev, turbofan } = JSON.parse(r.stdout) as { maglev: boolean; turbofan: boolean };
  return { maglev, turbofan };
}

describe("lac diff's compiler tiers", () => {
  it('leaves TurboFan out of the process once the diff thread is prestarted; Maglev still compiles hot code', () => {
    expect(tierAfter(false).turbofan).toBe(true);
    expect(tierAfter(true)).toEqual({ maglev: true, turbofan: false });
  });
});
