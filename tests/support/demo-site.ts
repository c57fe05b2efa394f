// The demo repository's report site, built once per test run and shared by the test files that only
// read it (the browser tests), instead of once per file: each build is the demo repository and about
// 600 pages, 20 s idle and a minute on a busy 2-core machine. Vitest runs each file in its own
// process, so the first file to ask builds while the others wait on a lock folder; the run's shared
// folder (tests/support/shared-root.ts) is removed when the run ends.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { buildDemoRepository, DEMO_TODAY } from '../../src/demo/build.ts';
import { lac } from './cli.ts';
import type {} from './shared-root.ts';

/** The sub-path the shared demo site is built under. */
export const DEMO_BASE = '/licenses/';

export interface DemoSite {
  /** The built site. */
  out: string;
  /** What `lac site build` printed. */
  stdout: string;
}

// Bounded: a build that neither finishes nor fails within this time fails the waiting file (within the
// 240 s that the browser tests give their set-up).
const WAIT_MS = 230_000;
const POLL_MS = 250;

async function build(dir: string): Promise<DemoSite> {
  const repo = join(dir, 'northwind');
  const out = join(dir, 'site');
  buildDemoRepository({ dir: repo });
  const r = await lac(['site', 'build', '--root', repo, '--out', out, '--base', DEMO_BASE, '--today', DEMO_TODAY], { cwd: repo });
  if (r.code !== 0 || r.stderr !== '') throw new Error(`lac site build of the demo failed (${r.code}): ${r.stderr}`);
  return { out, stdout: r.stdout };
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
