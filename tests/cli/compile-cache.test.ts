// bin/lac.js keeps V8's compiled code of lac's modules in Node's compile cache (in the temporary folder), so a
// later run skips compiling them; NODE_DISABLE_COMPILE_CACHE=1 turns it off. Issue 16: start-up.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs `lac --version` with its own temporary folder; returns that folder's compile cache files. */
function version(env: Record<string, string> = {}): { stdout: string; cached: string[] } {
  const tmp = mkdtempSync(join(tmpdir(), 'lac-cc-'));
  dirs.push(tmp);
  const base = { ...process.env };
  delete base.NODE_COMPILE_CACHE;
  delete base.NODE_DISABLE_COMPILE_CACHE;
  const r = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8', env: { ...base, TMPDIR: tmp, ...env } });
  expect(r.stderr).toBe('');
  const cache = join(tmp, 'node-compile-cache');
  return { stdout: r.stdout, cached: existsSync(cache) ? readdirSync(cache, { recursive: true }).map(String) : [] };
}

describe('compile cache', () => {
  it('a run leaves the compiled modules in the temporary folder, and prints the same', () => {
    const on = version();
    expect(on.cached.length).toBeGreaterThan(0);
    expect(on.stdout).toMatch(/^\d+\.\d+\.\d+/);
    const off = version({ NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(off.cached).toEqual([]);
    expect(off.stdout).toBe(on.stdout);
  });
});
