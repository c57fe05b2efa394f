// `lac diff` compiles without TurboFan once its worker thread has the diff to compute (src/cli/actions/diff-worker.ts),
// not before: a change of V8's flags makes each thread refuse the code cache of Node's own modules, so the worker
// loads its modules first. In a process of its own, a hot function of the main thread reaches Maglev and never
// TurboFan after a diff; without one, or with the worker only prestarted, the same loop reaches TurboFan (so the
// check can fail). The tier is read with V8's %GetOptimizationStatus, enabled in that process only.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli.ts';
import { committedChange } from '../support/diff-repo.ts';
import type { TestRepo } from '../support/git.ts';

const THREAD = join(REPO_ROOT, 'src/cli/actions/diff-thread.ts');

const repos: TestRepo[] = [];
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()));

type Before = 'nothing' | 'prestart' | 'diff';

/** Runs a hot function until an optimizing tier has it (at most 5 s), after `before` in the same process. */
function tierAfter(before: Before, root: string): { maglev: boolean; turbofan: boolean } {
  const script = `
    const { setFlagsFromString } = await import('node:v8');
    const { prestartDiffThread, diffInThread } = await import(${JSON.stringify(THREAD)});
    const before = ${JSON.stringify(before)};
    if (before === 'prestart') prestartDiffThread();
    if (before === 'diff') {
      const out = await diffInThread({ root: ${JSON.stringify(root)}, base: 'main', head: 'change', today: '2026-03-10', format: 'text', markdown: false });
      if (!out.text.startsWith('main → change')) throw new Error('no diff: ' + out.text);
    }
    setFlagsFromString('--allow-natives-syntax');
    const status = new Function('f', 'return %GetOptimizationStatus(f)');
    function hot(x) { let s = 0; for (let i = 0; i < 50; i++) s += (x * i) % 7; return s; }
    const start = Date.now();
    let total = 0;
    // Bits of V8's OptimizationStatus: 32 Maglev, 64 TurboFan. Until TurboFan has it (it does within a few hundred
    // rounds after Maglev) or 2,000 rounds after Maglev; at most 5 s either way.
    let maglevAt = -1;
    for (let round = 0; round < 100000 && Date.now() - start < 5000; round++) {
      for (let i = 0; i < 1000; i++) total += hot(i);
      const s = status(hot);
      if (s & 64) break;
      if (s & 32 && maglevAt < 0) maglevAt = round;
      if (maglevAt >= 0 && round > maglevAt + 2000) break;
    }
    const s = status(hot);
    process.stdout.write(JSON.stringify({ maglev: (s & 32) !== 0, turbofan: (s & 64) !== 0, total }));
    process.exit(0);
  `;
  // A file, not node -e: the diff's worker thread takes the process's options, and --input-type is refused for a file.
  const dir = mkdtempSync(join(tmpdir(), 'lac-tier-'));
  const file = join(dir, 'tier.mjs');
  writeFileSync(file, script);
  const r = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 60_000 });
  rmSync(dir, { recursive: true, force: true });
  expect(r.status, r.stderr).toBe(0);
  const { maglev, turbofan } = JSON.parse(r.stdout) as { maglev: boolean; turbofan: boolean };
  return { maglev, turbofan };
}

describe("lac diff's compiler tiers", () => {
  it('leaves TurboFan out of the process once the worker has the diff, not while it only loads; Maglev still compiles hot code', () => {
    const repo = committedChange(repos);
    expect(tierAfter('nothing', repo.dir).turbofan).toBe(true);
    expect(tierAfter('prestart', repo.dir).turbofan).toBe(true);
    expect(tierAfter('diff', repo.dir)).toEqual({ maglev: true, turbofan: false });
  });
});
