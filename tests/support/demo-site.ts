// The demo of `npm run demo --no-serve`, run once per test run and shared by the test files that only
// read it: the demo test reads what it printed, the browser tests its site. Each run is the demo
// repository, its commands and a site of about 650 pages, 25 s idle and a minute or more on a busy
// 2-core machine. Vitest runs files in other processes, so the first file to ask runs it while the
// others wait on a lock folder; the run's shared folder (tests/support/shared-root.ts) is removed
// when the run ends.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { run } from '../../src/cli/program.ts';
import { hasCommand, runDemo } from '../../src/demo/run.ts';
import type {} from './shared-root.ts';

/** The sub-path the shared demo site is built under. */
export const DEMO_BASE = '/licenses/';

export interface DemoSite {
  /** The built site. */
  out: string;
  /** What the demo printed: each command with its output, `lac site build`'s line among them. */
  stdout: string;
  /** The demo repository. */
  repo: string;
}

// Bounded: a build that neither finishes nor fails within this time fails the waiting file (within the
// 240 s that the browser tests give their set-up).
const WAIT_MS = 230_000;
const POLL_MS = 250;

async function build(dir: string): Promise<DemoSite> {
  const repo = join(dir, 'northwind-licenses');
  const out = join(dir, 'site');
  let stdout = '';
  let stderr = '';
  const code = await runDemo({
    dir: repo, siteDir: out, serve: false, out: (t) => void (stdout += t), err: (t) => void (stderr += t),
    // The demo hides tokens from its commands: this one must never be used.
    env: { GITHUB_TOKEN: 'must-not-be-used' },
    // The demo's commands in process, as `npm run demo` runs them; the site under the sub-path the browser tests serve.
    cli: { has: hasCommand, run: (argv, io) => run(argv[0] === 'site' && argv[1] === 'build' ? [...argv, '--base', DEMO_BASE] : argv, io) },
  });
  if (code !== 0 || stderr !== '') throw new Error(`npm run demo --no-serve failed (${code}): ${stderr}`);
  return { out, stdout, repo };
}

/** The shared demo site: built by the first caller of the run, read by the rest. Callers must not change it. */
export async function demoSite(): Promise<DemoSite> {
  const dir = join(inject('sharedRoot'), 'demo-site');
  const done = join(dir, 'done.json');
  const failed = join(dir, 'failed.txt');
  try {
    mkdirSync(dir);
  } catch {
    // Another file builds it: wait for its result.
    for (const started = Date.now(); Date.now() - started < WAIT_MS; await sleep(POLL_MS)) {
      if (existsSync(done)) return JSON.parse(readFileSync(done, 'utf8')) as DemoSite;
      if (existsSync(failed)) throw new Error(readFileSync(failed, 'utf8'));
    }
    throw new Error(`the shared demo site was not built within ${WAIT_MS / 1000} s`);
  }
  try {
    const site = await build(dir);
    writeFileSync(`${done}.tmp`, JSON.stringify(site));
    renameSync(`${done}.tmp`, done);
    return site;
  } catch (e) {
    writeFileSync(failed, (e as Error).message);
    throw e;
  }
}
