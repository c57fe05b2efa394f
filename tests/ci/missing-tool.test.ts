// A CI run must fail, not skip, when chromium or shellcheck is missing; a local run skips and says why.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inCI } from '../support/tools.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const CONFIG = join(import.meta.dirname, 'fixtures', 'vitest.config.ts');

/** Runs the fixture test file in its own vitest, with CI set or not. */
function runFixture(ci: string | undefined): Promise<{ code: number | null; output: string }> {
  const { CI: _ci, ...env } = process.env;
  const child = spawn(process.execPath, [VITEST, 'run', '--config', CONFIG, '--reporter', 'verbose', '--no-color'], { cwd: ROOT, env: { ...env, ...(ci === undefined ? {} : { CI: ci }) } });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

describe('a test file whose program is missing', () => {
  // Two vitest runs: about 3 s idle; budget for a loaded 2-core machine.
  it('fails in CI, naming the program and how to install it; skips with a printed reason elsewhere', { timeout: 60_000 }, async () => {
    const [ci, local] = await Promise.all([runFixture('true'), runFixture(undefined)]);
    expect(ci.code).toBe(1);
    expect(ci.output).toContain('lac-test-tool is not installed (/nonexistent/lac-test-tool); install it with `apt-get install -y lac-test-tool`. CI=true: these tests must run here, not skip.');
    expect(local.code).toBe(0);
    expect(local.output).toContain('skipping the tests that need lac-test-tool: lac-test-tool is not installed');
    expect(local.output).toMatch(/1 skipped/);
  });
});

describe('CI detection', () => {
  it('takes CI=true (GitHub Actions) and similar values as CI, and unset, empty, 0 or false as not', () => {
    expect([{ CI: 'true' }, { CI: '1' }, { CI: 'TRUE' }].map(inCI)).toEqual([true, true, true]);
    expect([{}, { CI: '' }, { CI: '0' }, { CI: 'false' }].map(inCI)).toEqual([false, false, false, false]);
  });
});
